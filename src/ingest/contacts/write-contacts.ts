/**
 * The second reading of a contacts file: the good rows written, a batch per
 * transaction, through the importer's statements (upsertRecords). A batch's
 * new companies are written, and committed, before its people, who work at
 * them; the people of two batches are in flight at once — rows name each
 * person once (checked), so two batches never write the same person. A
 * LinkedIn row connects its person to the user only when they are not
 * connected yet, so a strength set by hand or earned by mail stays; a person
 * the workspace did not know when the file was checked is taken to be
 * connected to nobody.
 */
import { personLookup } from "../../db/key-lookups.js";
import type { Db, RunQuery } from "../../db/run.js";
import type { CompanyRecord } from "../../graph-document/schema.js";
import { upsertRecords } from "../../graph-document/upsert-records.js";
import { DEFAULT_INGEST_CONCURRENCY, InFlight } from "../ingest.js";
import type { ContactsCheck } from "./check-contacts.js";
import { recordsOf, type ContactRecords } from "./contact-records.js";
import type { ContactRows } from "./contacts-source.js";

const noTopics = () => undefined;

/** Writes the rows the check found good; resolves with how many connections to the user were made. */
export async function writeContacts(db: Db, workspace: string, user: string | null, rows: ContactRows, check: ContactsCheck, batchSize: number): Promise<number> {
  const writes = new InFlight(DEFAULT_INGEST_CONCURRENCY);
  let connected = 0;
  let batch: ContactRecords[] = [];
  const writeBatch = async () => {
    const people = batch;
    batch = [];
    const companies = companiesFirstNamedIn(people, check.newCompanies);
    if (companies.length > 0) await db.transaction("contacts: companies", (run) => upsertRecords(run, { companies }, noTopics, { workspace }));
    await writes.add(async () => {
      // Added after the await: two batches end in either order.
      const made = await db.transaction("contacts: people", (run) => writePeople(run, workspace, user, people, check.knownPeopleLines));
      connected += made;
    });
  };
  try {
    for await (const { row } of rows()) {
      if (row === undefined || check.badLines.has(row.line)) continue;
      const records = recordsOf(row, user, []);
      if (records === null) continue;
      batch.push(records);
      if (batch.length >= batchSize) await writeBatch();
    }
    if (batch.length > 0) await writeBatch();
  } catch (error) {
    // Whole batches stay: let the ones in flight end before reporting.
    await writes.settle();
    throw error;
  }
  await writes.drain();
  return connected;
}

/** The companies new to the workspace that these rows are the first to name, each once (taken off `newCompanies`). */
function companiesFirstNamedIn(batch: ContactRecords[], newCompanies: Set<string>): CompanyRecord[] {
  const companies: CompanyRecord[] = [];
  for (const { company, companyKey } of batch) {
    if (company !== null && companyKey !== null && newCompanies.delete(companyKey)) companies.push(company);
  }
  // Those with a domain first: a name-only row of the same company later in the statement then finds it, where
  // the other way round the statement (which looks for a name-only company to give the domain to before it
  // writes any) would make two.
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
