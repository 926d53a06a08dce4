/**
 * Tells machine mail from mail a person wrote: mailing lists, bulk sends,
 * auto-replies, bounces and no-reply senders say nothing about who knows whom.
 */
import type { HeaderFields } from "./mail-headers.js";
import type { Address } from "./records.js";

/** Precedence values of list and bulk mail (RFC 2076; "auto_reply" is what vacation responders write). */
const MACHINE_PRECEDENCE = new Set(["bulk", "list", "junk", "auto_reply"]);
/**
 * Local parts of senders nobody answers: no-reply in its spellings anywhere in
 * the local part (alerts-noreply@, no_reply.billing@), and the system
 * mailboxes of bounces and delivery reports at the start of it.
 */
const NO_REPLY_SENDER = /no[-_.]?reply|do[-_.]?not[-_.]?reply|^(?:mailer-daemon|postmaster|bounces?)(?:$|[-+._=])/;

/** null when a person wrote the message; otherwise why it is automated. */
export function automationReason(fields: HeaderFields, from: Address): string | null {
  if (fields.has("list-id")) return "List-Id header";
  const precedence = fields.get("precedence")?.[0]?.trim().toLowerCase();
  if (precedence && MACHINE_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;
  const autoSubmitted = fields.get("auto-submitted")?.[0]?.split(";")[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return `Auto-Submitted: ${autoSubmitted}`;
  const localPart = from.email.slice(0, from.email.lastIndexOf("@"));
  if (NO_REPLY_SENDER.test(localPart)) return "no-reply sender";
  return null;
}
