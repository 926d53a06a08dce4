/**
 * Contacts from CSV: LinkedIn's Connections.csv (a few lines of notes above
 * the header `First Name,Last Name,URL,Email Address,Company,Position,Connected On`)
 * and CRM exports (HubSpot-style and Salesforce-style headers, or any headers
 * with `--map`). UTF-8 with or without BOM, `,` or `;`, CRLF or LF, quoted
 * fields holding separators, quotes and newlines: csv-parse reads them all.
 * The file is streamed: rows come out as csv-parse reads them, and reading
 * waits while the caller is busy with the rows before.
 */
import { pipeline, Transform, type Readable, type TransformCallback } from "node:stream";
import { CsvError, parse, type Options } from "csv-parse";
import { setField, type ContactField, type ContactItem, type ContactRow } from "./contact-row.js";

/** Headers CRM and address-book exports use, lower-cased, and the field each fills. */
const KNOWN_HEADERS: Record<string, ContactField> = {
  "first name": "firstName", "firstname": "firstName", "given name": "firstName",
  "last name": "lastName", "lastname": "lastName", "family name": "lastName", "surname": "lastName",
  "name": "name", "full name": "name", "contact name": "name",
  "email": "email", "email address": "email", "e-mail": "email", "e-mail address": "email", "work email": "email",
  "url": "profileUrl", "linkedin url": "profileUrl", "linkedin": "profileUrl", "linkedin profile": "profileUrl", "profile url": "profileUrl",
  "company": "company", "company name": "company", "account name": "company", "organization": "company", "associated company": "company",
  "company domain name": "domain", "website": "domain", "company website": "domain", "domain": "domain",
  "job title": "title", "title": "title", "position": "title",
  "city": "city", "mailing city": "city",
  "country": "country", "country/region": "country", "mailing country": "country",
  "connected on": "connectedOn",
};

const LINKEDIN_HEADER = /^\uFEFF?"?first name"?\s*,\s*"?last name"?\s*,\s*"?url"?\s*,/i;
/** LinkedIn's notes stand above the header: it is looked for in the first lines only. */
const LINKEDIN_HEADER_WITHIN = 20;

/** The 1-based line of LinkedIn's header in the start of a file, or null when the file is not LinkedIn's export. */
export function linkedInHeaderLine(start: string): number | null {
  const lines = start.split(/\r\n|\r|\n/, LINKEDIN_HEADER_WITHIN);
  const index = lines.findIndex((line) => LINKEDIN_HEADER.test(line.trim()));
  return index < 0 ? null : index + 1;
}

/**
 * @param start the start of the file (enough to hold the header line), for the header's line and separator
 * @param mapping header → field, from `--map`; it comes before the known headers.
 */
export async function* readContactsCsv(
  bytes: () => Readable, start: string, linkedIn: boolean, mapping: ReadonlyMap<string, ContactField>,
): AsyncGenerator<ContactItem> {
  const headerLine = (linkedIn ? linkedInHeaderLine(start) : null) ?? 1;
  const delimiter = separatorOf(start.split(/\r\n|\r|\n/, headerLine)[headerLine - 1] ?? "");
  const lines = new LineCounter();
  let headers: string[] | null = null;
  let fieldOf: (ContactField | undefined)[] = [];
  let end = 0;
  // What on_record returns is what the parser hands on: an item, or null for the header.
  const onRecord = (record: string[], context: { bytes: number }): ContactItem | null => {
    const line = lines.lineOfRecordAfter(end);
    end = context.bytes;
    if (headers === null) {
      headers = record.map((h) => h.replace(/^\uFEFF/, "").trim());
      fieldOf = headers.map((h) => mapping.get(h.toLowerCase()) ?? KNOWN_HEADERS[h.toLowerCase()]);
      return null;
    }
    if (record.length !== headers.length) return { problem: { line, column: null, message: `${record.length} columns where the header has ${headers.length}` } };
    const row: ContactRow = { line, fields: {} };
    record.forEach((value, i) => {
      const field = fieldOf[i];
      if (field !== undefined && row.fields[field] === undefined) setField(row, field, value, headers![i]!);
    });
    return { row };
  };
  // parse() is typed for records that stay string arrays; on_record makes them items.
  const asItems = onRecord as unknown as Options["on_record"];
  const parser = parse({ bom: true, delimiter, from_line: headerLine, relax_column_count: true, skip_empty_lines: true, on_record: asItems });
  // Errors reach the loop below through the parser, which the pipeline destroys with them.
  pipeline(bytes(), lines, parser, () => undefined);
  const noKnownColumn = () => !fieldOf.some((field) => field !== undefined);
  try {
    for await (const item of parser as AsyncIterable<ContactItem>) {
      if (noKnownColumn()) break;
      yield item;
    }
  } catch (error) {
    // Only the parser's own errors are the file's; any other (a body over its limit) is the caller's.
    if (!(error instanceof CsvError)) throw error;
    yield { problem: { line: lines.lineOfRecordAfter(end), column: null, message: `not readable as CSV: ${error.message}` } };
    return;
  } finally {
    parser.destroy();
  }
  if (noKnownColumn()) {
    const names = (headers ?? []).join(", ");
    yield { problem: { line: headerLine, column: null, message: `no column this reader knows (${names}): name them with --map "Header=field,…"` } };
  }
}

/**
 * Where records start, in lines, as the bytes stream past on their way to
 * the parser. csv-parse's own line count drifts on CRLF inside quoted
 * fields, so lines are counted here from the byte offsets it reports
 * (`bytes`: where each record ends), forward only; the chunks behind the
 * last record are let go.
 */
class LineCounter extends Transform {
  private chunks: { start: number; bytes: Buffer }[] = [];
  private received = 0;
  private at = 0;
  private line = 1;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push({ start: this.received, bytes: chunk });
    this.received += chunk.length;
    done(null, chunk);
  }

  /** The line of the first byte at or after `offset` that is not a line break (blank lines are skipped). */
  lineOfRecordAfter(offset: number): number {
    let start = offset;
    for (let byte = this.byteAt(start); byte === 0x0a || byte === 0x0d; byte = this.byteAt(start)) start += 1;
    for (const { start: chunkStart, bytes } of this.chunks) {
      const chunkEnd = chunkStart + bytes.length;
      if (this.at >= chunkEnd) continue;
      const until = Math.min(start, chunkEnd);
      for (let i = bytes.indexOf(0x0a, this.at - chunkStart); i >= 0 && chunkStart + i < until; i = bytes.indexOf(0x0a, i + 1)) this.line += 1;
      this.at = until;
      if (until === start) break;
    }
    while (this.chunks.length > 1 && this.chunks[0]!.start + this.chunks[0]!.bytes.length <= this.at) this.chunks.shift();
    return this.line;
  }

  private byteAt(offset: number): number | undefined {
    const chunk = this.chunks.find((c) => offset < c.start + c.bytes.length);
    return chunk === undefined ? undefined : chunk.bytes[offset - chunk.start];
  }
}

/** `;` when the header holds more of them than commas outside quotes (European spreadsheets), else `,`. */
function separatorOf(headerLine: string): string {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, "");
  const count = (c: string) => outsideQuotes.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}
