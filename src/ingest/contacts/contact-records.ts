/**
 * A contact row → the graph document's records: the person (keyed by email,
 * else profile URL), their employer (by domain, else by name) and, for
 * LinkedIn, their connection to the importing user. Each record is checked
 * with the document's own schema; a problem names the row's line and the
 * column it came from.
 */
import type { z } from "zod";
import { companyNameKey, lower, profileKey } from "../../graph-document/normalize.js";
import { DEFAULT_CONTACT_STRENGTH } from "../../relationships/strength.js";
import { CompanyRecord, ConnectionRecord, PersonRecord } from "../../graph-document/schema.js";
import type { ContactField, ContactRow, RowProblem } from "./contact-row.js";

export interface ContactRecords {
  line: number;
  /** The column the profile URL came from, to report a problem with it. */
  profileColumn: string | null;
  person: PersonRecord;
  /** The person's keys as stored: the email lower-cased, the profile URL normalised; computed once per row. */
  keys: { email: string | null; profile: string | null };
  company: CompanyRecord | null;
  /** The company's key: its domain, else the key of its name (which a name column holds, whatever it reads as). */
  companyKey: string | null;
  /** The company's name key, when it has a name. */
  companyNameKey: string | null;
  connection: ConnectionRecord | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A date as LinkedIn writes it (`14 Mar 2024`, or `14-Mar-24`), or ISO
 * (`2024-03-14`), as a document date; undefined when unreadable.
 */
export function contactDate(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const written = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4}|\d{2})$/.exec(value);
  let date: string | undefined;
  if (iso) date = value;
  if (written) {
    const month = MONTHS.indexOf(written[2]!.toLowerCase()) + 1;
    const year = written[3]!.length === 2 ? `20${written[3]}` : written[3]!;
    if (month > 0) date = `${year}-${String(month).padStart(2, "0")}-${written[1]!.padStart(2, "0")}`;
  }
  if (date === undefined) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : undefined;
}

/** A website or domain column as a domain: `https://www.acme.com/about` → `acme.com`. */
function domainOf(value: string): string {
  const host = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && URL.canParse(value) ? new URL(value).hostname : value.split("/")[0]!;
  return host.toLowerCase().replace(/^www\./, "");
}

/**
 * @param user the importing user's email: each row is connected to them (LinkedIn), or null.
 */
export function recordsOf(row: ContactRow, user: string | null, problems: RowProblem[]): ContactRecords | null {
  const f = row.fields;
  const report = (field: ContactField | null, message: string) =>
    problems.push({ line: row.line, column: field === null ? null : (f[field]?.column ?? defaultColumn(field)), message });
  const before = problems.length;

  const name = f.name?.value ?? ([f.firstName?.value, f.lastName?.value].filter(Boolean).join(" ") || undefined);
  if (f.email === undefined && f.profileUrl === undefined) {
    report("email", name === undefined ? "no name, no email and no profile URL" : `${name} has no email and no profile URL: one is needed to tell people apart`);
    return null;
  }
  const domain = f.domain === undefined ? undefined : domainOf(f.domain.value);
  const companyName = f.company?.value;
  const company = domain === undefined && companyName === undefined ? null
    : checked(CompanyRecord, { domain, name: companyName }, { domain: "domain", name: "company" }, report);
  // A name column holds a name, even one that reads as a domain ("Booking.com", "Node.js"): only a
  // domain column gives a domain. The person refers to their employer by its name key, which never
  // reads as a domain, where the graph document would read such a name as one.
  const nameKey = companyName === undefined ? null : companyNameKey(companyName);
  const employer = domain ?? (nameKey || companyName);
  const person = checked(PersonRecord, {
    email: f.email?.value, profileUrl: f.profileUrl?.value, name, title: f.title?.value,
    company: employer, city: f.city?.value, country: f.country?.value,
  }, { email: "email", profileUrl: "profileUrl", name: f.name ? "name" : "firstName", title: "title", company: "company", city: "city", country: "country" }, report);

  let connection: ConnectionRecord | null = null;
  const keys = person === null ? null : { email: person.email === undefined ? null : lower(person.email), profile: person.profileUrl === undefined ? null : profileKey(person.profileUrl) };
  if (user !== null && person !== null && keys !== null) {
    const since = f.connectedOn === undefined ? undefined : contactDate(f.connectedOn.value);
    if (f.connectedOn !== undefined && since === undefined) report("connectedOn", `unreadable date "${f.connectedOn.value}" (expected e.g. 14 Mar 2024)`);
    const b = person.email ?? (person.profileUrl as string);
    // The user's own row in their export connects nobody.
    if ((keys.email ?? keys.profile) !== user) connection = { a: user, b, strength: DEFAULT_CONTACT_STRENGTH, since };
  }
  if (problems.length > before || person === null || keys === null) return null;
  return {
    line: row.line, profileColumn: f.profileUrl?.column ?? null, person, keys, company: company ?? null,
    companyKey: company ? (domain === undefined ? nameKey : lower(domain)) : null, companyNameKey: company ? nameKey : null, connection,
  };
}

/** The record if it passes the schema; otherwise its problems, each at the column of the field at fault. */
function checked<S extends z.ZodType>(
  schema: S, record: Record<string, unknown>, fields: Record<string, ContactField>, report: (field: ContactField | null, message: string) => void,
): z.output<S> | null {
  const defined = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
  const result = schema.safeParse(defined);
  if (result.success) return result.data;
  for (const issue of result.error.issues) report(fields[String(issue.path[0])] ?? null, issue.message);
  return null;
}

/** The column a field is reported under when the file had none for it. */
function defaultColumn(field: ContactField): string {
  return { email: "Email", profileUrl: "URL", connectedOn: "Connected On" }[field as string] ?? field;
}
