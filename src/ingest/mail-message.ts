/**
 * Turns one message's header block into a MailMessage, or a Skipped that
 * says why not.
 *
 * Addresses are parsed by postal-mime's address parser (quoted names with
 * commas, comments, group syntax, RFC 2047 encoded names in any charset).
 * postal-mime is handed only the header fields it has to read, not the
 * message: bodies are never read. Measured on header blocks of ~1 KB on one
 * core of this project's machine: postal-mime's whole-message parse reaches
 * ~17,000 messages/s even given the header block alone, its address parser on
 * the fields we need ~69,000/s; mailparser ~6,000/s and ~36,000/s (see
 * `npm run bench -- ingest` for the reader as a whole).
 */
import { createHash } from "node:crypto";
import { addressParser } from "postal-mime";
import { distinctAddresses, toAddress } from "./address.js";
import { automationReason } from "./automated-mail.js";
import { readMailDate } from "./mail-date.js";
import { messageIdOf, readHeaderFields, type HeaderFields } from "./mail-headers.js";
import type { Address, MailMessage, Position, Skipped } from "./records.js";

export function toMailRecord(headerBlock: Buffer, where: Omit<Position, "id">): MailMessage | Skipped {
  const fields = readHeaderFields(headerBlock);
  const id = messageIdOf(fields);
  const position: Position = { ...where, id };
  const skip = (reason: string): Skipped => ({ kind: "skipped", position, reason });

  const dateValue = fields.get("date")?.[0];
  if (dateValue === undefined) return skip("no Date header");
  const date = readMailDate(dateValue);
  if ("problem" in date) return skip(date.problem);
  const from = addressesOf(fields, "from")[0];
  if (!from) return skip(fields.has("from") ? `no usable address in From "${fields.get("from")![0]}"` : "no From header");

  const seen = new Set<string>();
  return {
    kind: "message",
    position,
    key: id ?? `sha256:${createHash("sha256").update(headerBlock).digest("hex")}`,
    at: date.at,
    from,
    to: distinctAddresses(addressesOf(fields, "to"), seen),
    cc: distinctAddresses(addressesOf(fields, "cc"), seen),
    bcc: distinctAddresses(addressesOf(fields, "bcc"), seen),
    automated: automationReason(fields, from),
  };
}

/** The valid mailboxes of every field called `name`, groups flattened, invalid ones dropped. */
function addressesOf(fields: HeaderFields, name: string): Address[] {
  const addresses: Address[] = [];
  for (const value of fields.get(name) ?? []) {
    for (const mailbox of addressParser(value, { flatten: true })) {
      const address = toAddress(mailbox.address, mailbox.name);
      if (address) addresses.push(address);
    }
  }
  return addresses;
}
