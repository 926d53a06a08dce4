/**
 * upsertPerson, upsertCompany, upsertTopic's and upsertContent's node writes:
 * records keyed by their natural key, written exactly as the importer writes
 * them — normalised by normalizeDocument and turned into rows by importSteps —
 * so an upsert through the API and an import of the same record agree.
 */
import { normalizeDocument } from "../graph-document/normalize.js";
import { importSteps } from "../graph-document/import-steps.js";
import type { ParsedSections } from "../graph-document/schema.js";
import type { Tx } from "./run-mutation.js";

const EMPTY: ParsedSections = {
  topics: [], companies: [], people: [], content: [], connections: [], engagements: [], concerns: [], events: [], promises: [], users: [], interactions: [],
};

/** Writes the records of a one-record document with the import's statements, in the import's order. */
export async function writeRecords(tx: Tx, sections: Partial<ParsedSections>): Promise<void> {
  const doc = normalizeDocument({ ...EMPTY, ...sections }, tx.refs.topicKey);
  for (const step of importSteps(doc)) {
    if (step.size > 0) await tx.run(step.query, { rows: step.rows(0, step.size) });
  }
}
