/**
 * Reads the header fields that mail metadata needs out of a message's header
 * block — only the block: bodies are never read, let alone decoded.
 *
 * Header bytes are decoded as UTF-8 (RFC 6532; ASCII is a subset of it, and
 * anything else becomes U+FFFD rather than an error). Folded fields are
 * unfolded (RFC 5322 §2.2.3: a line ending followed by a space or tab is
 * removed). Field values are kept raw — encoded words and address syntax are
 * left to postal-mime's parsers, see mail-message.ts.
 */
import { isBlankLine } from "./mbox-splitter.js";

/** The fields mail metadata is built from; the rest (Received, Subject …) are passed over unread. */
const WANTED = new Set(["date", "message-id", "from", "to", "cc", "bcc", "list-id", "precedence", "auto-submitted"]);
const FOLD = /\r?\n(?=[ \t])/g;
const LINE_END = /\r?\n/;
const utf8 = new TextDecoder("utf-8");

/** Field values by lower-cased name, each in the order written. */
export type HeaderFields = ReadonlyMap<string, readonly string[]>;

export function readHeaderFields(headerBlock: Uint8Array): HeaderFields {
  const fields = new Map<string, string[]>();
  for (const line of utf8.decode(headerBlock).replace(FOLD, "").split(LINE_END)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trimEnd().toLowerCase();
    if (!WANTED.has(name)) continue;
    const value = line.slice(colon + 1).trim();
    const values = fields.get(name);
    if (values) values.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}

/** The header block: the lines before the first blank line, as written. */
export function headerBlockOf(lines: readonly Buffer[]): Buffer {
  const end = lines.findIndex(isBlankLine);
  return Buffer.concat(end === -1 ? lines : lines.slice(0, end));
}

/** A Message-ID without its angle brackets (and any comment around them); null when there is none. */
export function messageIdOf(fields: HeaderFields): string | null {
  const value = fields.get("message-id")?.[0];
  if (!value) return null;
  const bracketed = /<([^<>]*)>/.exec(value);
  const id = (bracketed ? bracketed[1]! : value).trim();
  return id === "" ? null : id;
}
