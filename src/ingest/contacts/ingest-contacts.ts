/**
 * Contacts files into the graph: LinkedIn's Connections.csv, CRM exports
 * (CSV) and address books (vCard), recognised from their content.
 *
 * 1. The file is read whole into rows (a contacts file is a few thousand to a
 *    few hundred thousand rows); each becomes the graph document's records
 *    (contact-records.ts), checked with the document's schemas, against the
 *    other rows (one person per row) and against the workspace (a profile URL
 *    is one person's).
 * 2. A file with any problem writes nothing, and every problem is listed with
 *    its line and column — unless `skipInvalid`, which writes the good rows.
 * 3. The good rows are written through the importer's statements
 *    (upsertRecords): companies first, then people with their employers and,
 *    for LinkedIn, their connection to the user — only to those not yet
 *    connected, so a strength set by hand or earned by mail stays. Each batch
 *    is a transaction, two in flight at once; the same file read again
 *    changes nothing.
 */
import type { Db } from "../../db/run.js";
import { AppError, ErrorCode } from "../../errors.js";
import { checkProfileOwner, type KnownKeys } from "../../graph-document/document-checks.js";
import { knownKeys } from "../../graph-document/known-keys.js";
import { companyKey, companyNameKey, lower, personKey } from "../../graph-document/normalize.js";
import type { CompanyRecord } from "../../graph-document/schema.js";
import { upsertRecords } from "../../graph-document/upsert-records.js";
import { DEFAULT_INGEST_CONCURRENCY, InFlight } from "../ingest.js";
import type { ContactField, ContactsFile, ContactsFormat, RowProblem } from "./contact-row.js";
import { recordsOf, type ContactRecords } from "./contact-records.js";
import { linkedInHeaderLine, readContactsCsv } from "./read-csv.js";
import { readVCards } from "./read-vcard.js";

export const DEFAULT_CONTACTS_BATCH = 2_000;
/** Problems listed in a summary; the count covers them all. */
const LISTED_PROBLEMS = 1_000;

export interface ContactsOptions {
  workspace: string;
  /** The importing user (a user of the workspace); LinkedIn rows are their connections. Required for LinkedIn. */
  user: string | null;
  /** Overrides recognising the format from the content. */
  format?: ContactsFormat;
  /** Header (lower-cased) → field, for CSV headers this reader does not know. */
  mapping?: ReadonlyMap<string, ContactField>;
  /** Write the good rows of a file that has bad ones (default: write nothing). */
  skipInvalid?: boolean;
  dryRun?: boolean;
  batchSize?: number;
}

export interface ContactsSummary {
  format: ContactsFormat;
  dryRun: boolean;
  /** Whether anything was written: false on a dry run, and for a file with problems unless skipInvalid. */
  written: boolean;
  rows: number;
  valid: number;
  invalid: { count: number; listed: RowProblem[] };
  /** New to the workspace (on a dry run: would be). */
  peopleCreated: number;
  companiesCreated: number;
  /** Connections to the user made by this file (LinkedIn). */
  connectionsCreated: number;
  seconds: number;
}

export function recogniseFormat(text: string): ContactsFormat {
  if (/^\uFEFF?\s*BEGIN:VCARD/i.test(text)) return "vcard";
  return linkedInHeaderLine(text) !== null ? "linkedin" : "csv";
}

export function readContacts(text: string, format: ContactsFormat, mapping: ReadonlyMap<string, ContactField>): ContactsFile {
  return format === "vcard" ? readVCards(text) : readContactsCsv(text, format === "linkedin", mapping);
}

export async function ingestContacts(db: Db, text: string, options: ContactsOptions): Promise<ContactsSummary> {
  const started = performance.now();
  const { workspace } = options;
  const format = options.format ?? recogniseFormat(text);
  const user = format === "linkedin" ? await importingUser(db, workspace, options.user) : null;
  const file = readContacts(text, format, options.mapping ?? new Map());
  const problems = [...file.problems];
  const known = await knownKeys(db, workspace);

  const good: ContactRecords[] = [];
  const seen = new Map<string, number>();
  for (const row of file.rows) {
    const records = recordsOf(row, user, problems);
    if (records === null) continue;
    const { person } = records;
    const keys = [person.email && lower(person.email), person.profileUrl && personKey(person.profileUrl)].filter((k): k is string => !!k);
    const earlier = keys.map((key) => seen.get(key)).find((line) => line !== undefined);
    const column = (field: "email" | "profileUrl") => row.fields[field]?.column ?? null;
    if (earlier !== undefined) {
      problems.push({ line: row.line, column: column(person.email ? "email" : "profileUrl"), message: `the same person as line ${earlier}` });
      continue;
    }
    const conflicts = problems.length;
    checkProfileOwner(person, known, (message) => problems.push({ line: row.line, column: column("profileUrl"), message }));
    if (problems.length > conflicts) continue;
    for (const key of keys) seen.set(key, row.line);
    if (records.connection !== null && personKey(records.connection.b) === user) records.connection = null;
    good.push(records);
  }

  problems.sort((x, y) => x.line - y.line);
  const summary: ContactsSummary = {
    format, dryRun: options.dryRun ?? false, written: false, rows: file.rows.length, valid: good.length,
    invalid: { count: problems.length, listed: problems.slice(0, LISTED_PROBLEMS) },
    peopleCreated: 0, companiesCreated: 0, connectionsCreated: 0, seconds: 0,
  };
  const companies = newCompanies(good, known);
  summary.peopleCreated = good.filter(({ person: p }) => !(p.email && known.emails.has(lower(p.email))) && !(p.profileUrl && known.profiles.has(personKey(p.profileUrl)))).length;
  summary.companiesCreated = [...companies.values()].filter((c) => c.name === undefined || !known.companyNames.has(companyNameKey(c.name))).length;
  if (!summary.dryRun && (problems.length === 0 || options.skipInvalid)) {
    summary.connectionsCreated = await write(db, workspace, user, [...companies.values()], good, options.batchSize ?? DEFAULT_CONTACTS_BATCH);
    summary.written = true;
  }
  summary.seconds = Math.round(performance.now() - started) / 1000;
  return summary;
}

async function importingUser(db: Db, workspace: string, user: string | null): Promise<string> {
  if (user === null) throw new AppError(ErrorCode.BAD_USER_INPUT, "a LinkedIn export is the connections of a user: say whose (--user EMAIL)");
  const users = new Set((await db.read("ingest/team", { workspace })).map((row) => row.email));
  const email = lower(user);
  if (!users.has(email)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${email} is not a user of workspace "${workspace}": import them as a user first (the graph document's users)`);
  return email;
}

/**
 * The companies to write, each once by key: those the workspace does not know
 * by that key. A contacts file names companies; it does not rename the ones
 * the workspace knows ("Acme, Inc." in a row leaves "ACME Inc" as it is),
 * though it gives a domain to one known by its name alone.
 */
function newCompanies(good: ContactRecords[], known: KnownKeys): Map<string, CompanyRecord> {
  const companies = new Map<string, CompanyRecord>();
  for (const { company } of good) {
    if (company === null) continue;
    const key = companyKey(company.domain ?? (company.name as string));
    if (!companies.has(key) && !known.domains.has(key) && !known.companyNames.has(key)) companies.set(key, company);
  }
  return companies;
}

async function write(db: Db, workspace: string, user: string | null, companies: CompanyRecord[], good: ContactRecords[], batchSize: number): Promise<number> {
  const noTopics = () => undefined;
  for (let offset = 0; offset < companies.length; offset += batchSize) {
    const slice = companies.slice(offset, offset + batchSize);
    await db.transaction("contacts: companies", (run) => upsertRecords(run, { companies: slice }, noTopics, { workspace }));
  }
  // Rows name each person once (checked above), so two batches in flight never write the same person.
  const writes = new InFlight(DEFAULT_INGEST_CONCURRENCY);
  let connected = 0;
  for (let offset = 0; offset < good.length; offset += batchSize) {
    const slice = good.slice(offset, offset + batchSize);
    await writes.add(async () => {
      const made = await db.transaction("contacts: people", async (run) => {
        const people = slice.map((r) => r.person);
        const wanted = slice.flatMap((r) => (r.connection === null ? [] : [r.connection]));
        const already = user === null || wanted.length === 0 ? new Set<string>()
          : new Set((await run("ingest/connected", { workspace, user, keys: wanted.map((k) => personKey(k.b)) })).map((row) => row.key));
        const connections = wanted.filter((k) => !already.has(personKey(k.b)));
        await upsertRecords(run, { people, connections }, noTopics, { workspace });
        return connections.length;
      });
      connected += made;
    });
  }
  await writes.drain();
  return connected;
}
