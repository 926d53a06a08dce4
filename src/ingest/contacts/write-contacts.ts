/**
 * The second reading of a contacts file: the good rows written, a batch per
 * transaction, through the importer's statements (upsertRecords). Rows go
 * to two lanes by their company (lanes.ts), each with one batch in flight:
 * two batches sharing companies took turns on them. The new companies the
 * rows name are written, and committed, before any batch that names them;
 * rows name each person once (checked), so two batches never write the same
 * person. A LinkedIn row connects its person to the user only when they are
 * not connected yet, so a strength set by hand or earned by mail stays; a
 * person the workspace did not know when the file was checked is taken to
 * be connected to nobody.
 */
import { personLookup } from "../../db/key-lookups.js";
import type { Db, RunQuery } from "../../db/run.js";
import type { CompanyRecord } from "../../graph-document/schema.js";
import { upsertRecords } from "../../graph-document/upsert-records.js";
import { DEFAULT_INGEST_CONCURRENCY } from "../ingest.js";
import { Lanes } from "../lanes.js";
import type { ContactsCheck } from "./check-contacts.js";
import { recordsOf, type ContactRecords } from "./contact-records.js";
import type { ContactRows } from "./contacts-source.js";

const noTopics = () => undefined;

class ContactBatch {
  readonly rows: ContactRecords[] = [];

  get size(): number {
    return this.rows.length;
  }
}

/** Writes the rows the check found good; resolves with how many connections to the user were made. */
export async function writeContacts(db: Db, workspace: string, user: string | null, rows: ContactRows, check: ContactsCheck, batchSize: number): Promise<number> {
  const lanes = new Lanes(DEFAULT_INGEST_CONCURRENCY, batchSize, () => new ContactBatch());
  let newCompanies: CompanyRecord[] = [];
  let connected = 0;
  const write = async (all = false) => {
    if (newCompanies.length > 0) {
      const companies = inWritingOrder(newCompanies);
      newCompanies = [];
      await db.transaction("contacts: companies", (run) => upsertRecords(run, { companies }, noTopics, { workspace }));
    }
    await lanes.write(async (batch) => {
      const made = await db.transaction("contacts: people", (run) => writePeople(run, workspace, user, batch.rows, check.knownPeopleLines));
      // Added after the await: two batches end in either order.
      connected += made;
    }, all);
  };
  try {
    for await (const { row } of rows()) {
      if (row === undefined || check.badLines.has(row.line)) continue;
      const records = recordsOf(row, user, []);
      if (records === null) continue;
      const { company, companyKey } = records;
      if (company !== null && companyKey !== null && check.newCompanies.delete(companyKey)) newCompanies.push(company);
      // The name key, where there is one, is the same for a company written with its domain and without.
      const batch = lanes.batchOf(records.companyNameKey ?? companyKey ?? (records.keys.email ?? records.keys.profile) as string);
      batch.rows.push(records);
      if (batch.size >= batchSize) await write();
    }
    await write(true);
  } catch (error) {
    // Whole batches stay: let the ones in flight end before reporting.
    await lanes.settle();
    throw error;
  }
  await lanes.drain();
  return connected;
}

/** New companies, those with a domain first. */
function inWritingOrder(companies: CompanyRecord[]): CompanyRecord[] {
  // A name-only row of the same company later in the statement then finds the one with the domain, where the
  // other way round the statement (which looks for a name-only company to give the domain to before it writes
  // any) would make two.
  return companies.sort((x, y) => Number(x.domain === undefined) - Number(y.domain === undefined));
}

async function writePeople(run: RunQuery, workspace: string, user: string | null, batch: ContactRecords[], knownPeopleLines: Set<number>): Promise<number> {
  const people = batch.map((r) => r.person);
  // A connection's b is the person's email, else their profile URL: its key is theirs.
  const wanted = batch.flatMap((r) => (r.connection === null ? [] : [{ connection: r.connection, key: (r.keys.email ?? r.keys.profile) as string, line: r.line }]));
  // Only people the workspace knew when the file was checked can be connected already; asking about the
  // others too cost Neo4j about a twentieth of a batch's time.
  const asked = wanted.filter((w) => knownPeopleLines.has(w.line));
  const already = user === null || asked.length === 0 ? new Set<string>()
    : new Set((await run("ingest/connected", { workspace, user, people: asked.map((w) => personLookup(w.key)) })).map((row) => row.key));
  const connections = wanted.filter((w) => !already.has(w.key)).map((w) => w.connection);
  await upsertRecords(run, { people, connections }, noTopics, { workspace });
  return connections.length;
}
