/**
 * Contacts from CSV: LinkedIn's Connections.csv (a few lines of notes above
 * the header `First Name,Last Name,URL,Email Address,Company,Position,Connected On`)
 * and CRM exports (HubSpot-style and Salesforce-style headers, or any headers
 * with `--map`). UTF-8 with or without BOM, `,` or `;`, CRLF or LF, quoted
 * fields holding separators, quotes and newlines: csv-parse reads them all.
 */
import { parse } from "csv-parse/sync";
import { setField, type ContactField, type ContactRow, type ContactsFile, type RowProblem } from "./contact-row.js";

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

/** The 1-based line of LinkedIn's header, or null when the text is not LinkedIn's export. */
export function linkedInHeaderLine(text: string): number | null {
  const lines = text.split(/\r\n|\r|\n/, LINKEDIN_HEADER_WITHIN);
  const index = lines.findIndex((line) => LINKEDIN_HEADER.test(line.trim()));
  return index < 0 ? null : index + 1;
}

/**
 * @param mapping header → field, from `--map`; it comes before the known headers.
 */
export function readContactsCsv(text: string, linkedIn: boolean, mapping: ReadonlyMap<string, ContactField>): ContactsFile {
  const format = linkedIn ? "linkedin" : "csv";
  const headerLine = (linkedIn ? linkedInHeaderLine(text) : null) ?? 1;
  const delimiter = separatorOf(text.split(/\r\n|\r|\n/, headerLine)[headerLine - 1] ?? "");
  const bytes = Buffer.from(text, "utf8");
  const lines = new LineCounter(bytes);
  const rows: ContactRow[] = [];
  const problems: RowProblem[] = [];
  let headers: string[] | null = null;
  let fieldOf: (ContactField | undefined)[] = [];
  let end = 0;
  // Each record becomes a row as it is parsed (on_record returns nothing to keep), so the parser's own records never pile up.
  const onRecord = (record: string[], context: { bytes: number }): null => {
    const line = lines.lineOfRecordAfter(end);
    end = context.bytes;
    if (headers === null) {
      headers = record.map((h) => h.replace(/^\uFEFF/, "").trim());
      fieldOf = headers.map((h) => mapping.get(h.toLowerCase()) ?? KNOWN_HEADERS[h.toLowerCase()]);
      return null;
    }
    if (record.length !== headers.length) {
      problems.push({ line, column: null, message: `${record.length} columns where the header has ${headers.length}` });
      return null;
    }
    const row: ContactRow = { line, fields: {} };
    record.forEach((value, i) => {
      const field = fieldOf[i];
      if (field !== undefined && row.fields[field] === undefined) setField(row, field, value, headers![i]!);
    });
    rows.push(row);
    return null;
  };
  try {
    parse(bytes, { bom: true, delimiter, from_line: headerLine, relax_column_count: true, skip_empty_lines: true, on_record: onRecord });
  } catch (error) {
    return { format, rows: [], problems: [{ line: lines.lineOfRecordAfter(end), column: null, message: `not readable as CSV: ${(error as Error).message}` }] };
  }
  if (!fieldOf.some((field) => field !== undefined)) {
    const names = (headers ?? []).join(", ");
    return { format, rows: [], problems: [{ line: headerLine, column: null, message: `no column this reader knows (${names}): name them with --map "Header=field,…"` }] };
  }
  return { format, rows, problems };
}

/**
 * Where records start, in lines. csv-parse's own line count drifts on CRLF
 * inside quoted fields, so lines are counted here from the byte offsets it
 * reports (`bytes`: where each record ends), forward only.
 */
class LineCounter {
  private at = 0;
  private line = 1;

  constructor(private readonly bytes: Buffer) {}

  /** The line of the first byte at or after `offset` that is not a line break (blank lines are skipped). */
  lineOfRecordAfter(offset: number): number {
    let start = offset;
    while (start < this.bytes.length && (this.bytes[start] === 0x0a || this.bytes[start] === 0x0d)) start += 1;
    for (; this.at < start; this.at += 1) if (this.bytes[this.at] === 0x0a) this.line += 1;
    return this.line;
  }
}

/** `;` when the header holds more of them than commas outside quotes (European spreadsheets), else `,`. */
function separatorOf(headerLine: string): string {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, "");
  const count = (c: string) => outsideQuotes.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}
