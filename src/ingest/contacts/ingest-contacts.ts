/**
 * Contacts files into the graph: LinkedIn's Connections.csv, CRM exports
 * (CSV) and address books (vCard), recognised from their content.
 *
 * The file is read twice, streamed, never held as rows:
 * 1. every row is checked (check-contacts.ts) and nothing is written; a
 *    file with any problem writes nothing, and every problem is counted with
 *    its line and column — unless `skipInvalid`, which writes the good rows;
 * 2. the good rows are written (write-contacts.ts) through the importer's
 *    statements, companies before the people who work at them and, for
 *    LinkedIn, each person's connection to the user. The same file read
 *    again changes nothing.
 */
import type { Db } from "../../db/run.js";
import { AppError, ErrorCode } from "../../errors.js";
import { lower } from "../../graph-document/normalize.js";
import { checkContacts } from "./check-contacts.js";
import type { ContactField, ContactsFormat, RowProblem } from "./contact-row.js";
import { openContacts, type ContactsSource } from "./contacts-source.js";
import { writeContacts } from "./write-contacts.js";

export const DEFAULT_CONTACTS_BATCH = 2_000;

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
  /** Every bad row counted; the first thousand by line listed. */
  invalid: { count: number; listed: RowProblem[] };
  /** New to the workspace (on a dry run: would be). */
  peopleCreated: number;
  companiesCreated: number;
  /** Connections to the user made by this file (LinkedIn). */
  connectionsCreated: number;
  seconds: number;
}

export async function ingestContacts(db: Db, source: ContactsSource, options: ContactsOptions): Promise<ContactsSummary> {
  const started = performance.now();
  const { workspace } = options;
  const batchSize = options.batchSize ?? DEFAULT_CONTACTS_BATCH;
  const file = await openContacts(source, options.format, options.mapping ?? new Map());
  const user = file.format === "linkedin" ? await importingUser(db, workspace, options.user) : null;
  const check = await checkContacts(db, workspace, user, file.rows, batchSize);
  const summary: ContactsSummary = {
    format: file.format, dryRun: options.dryRun ?? false, written: false, rows: check.rows, valid: check.valid,
    invalid: { count: check.problems.count, listed: check.problems.listed() },
    peopleCreated: check.peopleCreated, companiesCreated: check.companiesCreated, connectionsCreated: 0, seconds: 0,
  };
  if (!summary.dryRun && (check.problems.count === 0 || options.skipInvalid)) {
    summary.connectionsCreated = await writeContacts(db, workspace, user, file.rows, check, batchSize);
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
