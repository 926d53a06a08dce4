/**
 * What every contacts reader (LinkedIn's Connections.csv, CRM exports, vCard
 * address books) hands on: one row per contact, each value with the column
 * (or vCard property) it was read from and the row's line in the file, so a
 * problem can be reported where a person finds it in their spreadsheet.
 */
import { AppError, ErrorCode } from "../../errors.js";

export const CONTACTS_FORMATS = ["linkedin", "csv", "vcard"] as const;
export type ContactsFormat = (typeof CONTACTS_FORMATS)[number];

/** The fields a contact row may fill; `--map "Header=field"` names one of these. */
export const CONTACT_FIELDS = [
  "firstName", "lastName", "name", "email", "profileUrl", "company", "domain", "title", "city", "country", "connectedOn",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ContactValue {
  value: string;
  /** The header (CSV) or property (vCard) it was read from. */
  column: string;
}

export interface ContactRow {
  /** 1-based line of the file where the row starts, the header and any notes above it counted. */
  line: number;
  fields: Partial<Record<ContactField, ContactValue>>;
}

/** A problem with a row, or with the whole file (line 0). */
export interface RowProblem {
  line: number;
  column: string | null;
  message: string;
}

/** What a reader hands on, in the order of the file: a row, or a row it could not read (a wrong number of columns, an unreadable card). */
export type ContactItem = { row: ContactRow; problem?: undefined } | { problem: RowProblem; row?: undefined };

/**
 * `"Company Website=domain,Mobile Phone=…"` (the CLI's --map, the HTTP `map`
 * parameter) → lower-cased header → field, for headers the reader does not know.
 */
export function parseMapping(text: string | undefined): Map<string, ContactField> {
  const mapping = new Map<string, ContactField>();
  for (const pair of (text ?? "").split(",").filter((p) => p.trim() !== "")) {
    const at = pair.lastIndexOf("=");
    const [header, field] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    if (at < 1 || !(CONTACT_FIELDS as readonly string[]).includes(field)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `map: "${pair}" is not Header=field (fields: ${CONTACT_FIELDS.join(", ")})`);
    }
    mapping.set(header.toLowerCase(), field as ContactField);
  }
  return mapping;
}

/** Sets a field from a value, trimmed; blank values leave it unset. */
export function setField(row: ContactRow, field: ContactField, value: string | undefined, column: string): void {
  const trimmed = value?.trim();
  if (trimmed) row.fields[field] = { value: trimmed, column };
}
