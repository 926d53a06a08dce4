/**
 * A contacts file as it is read: twice, once to check every row and once to
 * write the good ones, so that nothing of a file with a bad row is written
 * while no row is held in memory. A source opens the file afresh each time.
 */
import { Readable } from "node:stream";
import { linkedInHeaderLine, readContactsCsv } from "./read-csv.js";
import { readVCards } from "./read-vcard.js";
import type { ContactField, ContactItem, ContactsFormat } from "./contact-row.js";

/** The file's text, or a function that opens its bytes from the start. */
export type ContactsSource = string | (() => Readable);

/** How much of the start of a file is read to recognise it: LinkedIn's notes and header fit many times over. */
const START_BYTES = 64 * 1024;

export function recogniseFormat(start: string): ContactsFormat {
  if (/^\uFEFF?\s*BEGIN:VCARD/i.test(start)) return "vcard";
  return linkedInHeaderLine(start) !== null ? "linkedin" : "csv";
}

/** The rows of a file, read anew from its start each time it is called. */
export type ContactRows = () => AsyncIterable<ContactItem>;

export interface OpenedContacts {
  format: ContactsFormat;
  rows: ContactRows;
}

export async function openContacts(source: ContactsSource, format: ContactsFormat | undefined, mapping: ReadonlyMap<string, ContactField>): Promise<OpenedContacts> {
  const bytes = typeof source === "string" ? () => Readable.from([Buffer.from(source, "utf8")]) : source;
  const start = await startOf(bytes);
  const recognised = format ?? recogniseFormat(start);
  if (recognised !== "vcard") return { format: recognised, rows: () => readContactsCsv(bytes, start, recognised === "linkedin", mapping) };
  // An address book is parsed card by card from its whole text (ical.js reads text, not streams); such files are small.
  return { format: recognised, rows: async function* () { yield* readVCards(await wholeText(bytes)); } };
}

async function startOf(bytes: () => Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  const stream = bytes();
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= START_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  // A character cut at the end decodes as a replacement character, past anything that is looked at.
  return Buffer.concat(chunks).subarray(0, START_BYTES).toString("utf8");
}

async function wholeText(bytes: () => Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
