/**
 * The first reading of a contacts file: every row checked, nothing written.
 * Each row becomes the graph document's records (contact-records.ts),
 * checked with the document's schemas, against the rows before it (one
 * person per row) and, a batch at a time, against the keys the workspace
 * holds (a profile URL is one person's). What is kept is compact: the keys
 * seen (to find a person given twice), the lines of the bad rows, the keys
 * of the companies to write and the first problems, never the rows. A
 * batch's keys are looked up while the next batch is read: the lookups are
 * a round trip each, and the reading is this process's work.
 */
import type { Db } from "../../db/run.js";
import { checkProfileOwner, type KnownKeys } from "../../graph-document/document-checks.js";
import { InFlight } from "../lanes.js";
import type { RowProblem } from "./contact-row.js";
import { recordsOf, type ContactRecords } from "./contact-records.js";
import type { ContactRows } from "./contacts-source.js";

/** Problems listed in a summary; the count covers them all. */
const LISTED_PROBLEMS = 1_000;

export interface ContactsCheck {
  rows: number;
  valid: number;
  problems: Problems;
  /** Lines of the rows that are not to be written. */
  badLines: Set<number>;
  /** Lines of the good rows whose person the workspace knew: only they can be connected to the user already. */
  knownPeopleLines: Set<number>;
  /** Keys of the companies the workspace does not know: each is written with the first good row that names it. */
  newCompanies: Set<string>;
  /** New to the workspace: how many a write would create. */
  peopleCreated: number;
  companiesCreated: number;
}

/** Every problem counted; the first LISTED_PROBLEMS by line kept. */
export class Problems {
  count = 0;
  private kept: RowProblem[] = [];

  add(problem: RowProblem): void {
    this.count += 1;
    this.kept.push(problem);
    if (this.kept.length >= 2 * LISTED_PROBLEMS) this.kept = this.listed();
  }

  listed(): RowProblem[] {
    return this.kept.sort((x, y) => x.line - y.line).slice(0, LISTED_PROBLEMS);
  }
}

export async function checkContacts(db: Db, workspace: string, user: string | null, rows: ContactRows, batchSize: number): Promise<ContactsCheck> {
  const check: ContactsCheck = { rows: 0, valid: 0, problems: new Problems(), badLines: new Set(), knownPeopleLines: new Set(), newCompanies: new Set(), peopleCreated: 0, companiesCreated: 0 };
  const seenPeople = new Map<string, number>();
  const seenCompanies = new Set<string>();
  const bad = (problem: RowProblem) => {
    check.problems.add(problem);
    check.badLines.add(problem.line);
  };
  // One batch looked up at a time, so that batches are checked against the workspace in the file's order.
  const lookups = new InFlight(1);
  let batch: ContactRecords[] = [];
  const checkBatch = async () => {
    const checking = batch;
    batch = [];
    await lookups.add(() => checkAgainstWorkspace(db, workspace, checking, seenCompanies, check, bad));
  };
  try {
    for await (const item of rows()) {
      if (item.problem !== undefined) {
        bad(item.problem);
        continue;
      }
      const { row } = item;
      check.rows += 1;
      const rowProblems: RowProblem[] = [];
      const records = recordsOf(row, user, rowProblems);
      rowProblems.forEach(bad);
      if (records === null) continue;
      const keys = [records.keys.email, records.keys.profile].filter((k): k is string => k !== null);
      const earlier = keys.map((key) => seenPeople.get(key)).find((line) => line !== undefined);
      if (earlier !== undefined) {
        const field = records.person.email ? "email" : "profileUrl";
        bad({ line: row.line, column: row.fields[field]?.column ?? null, message: `the same person as line ${earlier}` });
        continue;
      }
      for (const key of keys) seenPeople.set(key, row.line);
      batch.push(records);
      if (batch.length >= batchSize) await checkBatch();
    }
    await checkBatch();
  } catch (error) {
    await lookups.settle();
    throw error;
  }
  await lookups.drain();
  return check;
}

async function checkAgainstWorkspace(
  db: Db, workspace: string, batch: ContactRecords[], seenCompanies: Set<string>, check: ContactsCheck, bad: (problem: RowProblem) => void,
): Promise<void> {
  if (batch.length === 0) return;
  const known = await knownOf(db, workspace, batch);
  for (const records of batch) {
    const { person, keys, company, companyKey: key, line, profileColumn } = records;
    let conflict = false;
    checkProfileOwner(person, known, (message) => {
      conflict = true;
      bad({ line, column: profileColumn, message });
    });
    if (conflict) continue;
    check.valid += 1;
    if ((keys.email !== null && known.emails.has(keys.email)) || (keys.profile !== null && known.profiles.has(keys.profile))) check.knownPeopleLines.add(line);
    else check.peopleCreated += 1;
    if (company === null || key === null) continue;
    if (seenCompanies.has(key)) continue;
    seenCompanies.add(key);
    if (known.domains.has(key) || known.companyNames.has(key)) continue;
    check.newCompanies.add(key);
    // A company with a domain that the workspace knows by its name alone gains the domain: it is not new.
    if (records.companyNameKey === null || !known.companyNames.has(records.companyNameKey)) check.companiesCreated += 1;
  }
}

/** The keys of a batch that the workspace knows, in the shape the document's checks read. */
async function knownOf(db: Db, workspace: string, batch: ContactRecords[]): Promise<KnownKeys> {
  const present = (values: (string | null)[]) => values.filter((v): v is string => v !== null);
  const [row] = await db.read("ingest/contact-keys", {
    workspace,
    emails: present(batch.map((r) => r.keys.email)),
    profiles: present(batch.map((r) => r.keys.profile)),
    domains: present(batch.map((r) => (r.company?.domain === undefined ? null : r.companyKey))),
    nameKeys: present(batch.map((r) => r.companyNameKey)),
  });
  return {
    emails: new Set(row?.emails),
    profiles: new Map((row?.profiles ?? []).map((profile) => [profile.url, profile.email])),
    domains: new Set(row?.domains),
    companyNames: new Set(row?.companyNames),
    contentUrls: new Set(),
    topicKeys: new Map(),
  };
}
