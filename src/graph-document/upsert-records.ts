/**
 * A few records written exactly as the importer writes them — normalised by
 * normalizeDocument and turned into rows by importSteps — inside a caller's
 * transaction: how the write API's upserts (src/mutations) and mail and
 * calendar ingestion (src/ingest) agree with an import of the same records.
 * The caller has validated the records with the document's schemas.
 */
import type { QueryName } from "../db/query-names.js";
import type { Params, Row } from "../db/run.js";
import { importSteps } from "./import-steps.js";
import { normalizeDocument, type TopicResolver } from "./normalize.js";
import type { ParsedSections } from "./schema.js";

const EMPTY: ParsedSections = {
  topics: [], companies: [], people: [], content: [], connections: [], engagements: [], concerns: [], events: [], promises: [], users: [], interactions: [],
};

/** Runs a named statement in the caller's transaction, with `$workspace` filled in. */
export type RunScoped = (query: QueryName, params: Params) => Promise<Row[]>;

/** Writes the records with the import's statements, in the import's order; resolves with each step's rows, by step name. */
export async function upsertRecords(run: RunScoped, sections: Partial<ParsedSections>, resolveTopic: TopicResolver): Promise<Map<string, Row[]>> {
  const doc = normalizeDocument({ ...EMPTY, ...sections }, resolveTopic);
  const returned = new Map<string, Row[]>();
  for (const step of importSteps(doc)) {
    if (step.size > 0) returned.set(step.name, await run(step.query, { rows: step.rows(0, step.size) }));
  }
  return returned;
}
