/**
 * A few records written exactly as the importer writes them — normalised by
 * normalizeDocument and turned into rows by importSteps — inside a caller's
 * transaction: how the write API's upserts (src/mutations) and mail and
 * calendar ingestion (src/ingest) agree with an import of the same records.
 * The caller has validated the records with the document's schemas.
 */
import type { QueryName, QueryRow } from "../db/query-names.js";
import type { Params, RunQuery } from "../db/run.js";
import { importSteps, type ImportStep } from "./import-steps.js";
import { normalizeDocument, type NormalizedRecord, type TopicResolver } from "./normalize.js";
import { SECTIONS, type ParsedSections, type SectionName } from "./schema.js";

const EMPTY: ParsedSections = {
  topics: [], companies: [], people: [], content: [], connections: [], engagements: [], concerns: [], events: [], promises: [], users: [], interactions: [],
};

/** What the import statements returned, by statement. */
export interface Upserted {
  rows<N extends QueryName>(query: N): QueryRow<N>[];
}

/**
 * Writes the records with the import's statements, in the import's order.
 * @param params added to every statement's, e.g. `$workspace` when `run` does not add it
 */
export async function upsertRecords(run: RunQuery, sections: Partial<ParsedSections>, resolveTopic: TopicResolver, params: Params = {}): Promise<Upserted> {
  const doc = normalizeDocument({ ...EMPTY, ...sections }, resolveTopic);
  const steps = importSteps();
  const returned = new Map<QueryName, unknown[]>();
  for (const section of Object.keys(SECTIONS) as SectionName[]) {
    for (const step of steps[section] as ImportStep[]) {
      const rows = (doc[section] as NormalizedRecord<SectionName>[]).flatMap((record, index) => step.rows(record as never, index));
      if (rows.length > 0) returned.set(step.query, await run(step.query, { ...params, rows }));
    }
  }
  // Each entry holds what run() returned for that very query.
  return { rows: <N extends QueryName>(query: N) => (returned.get(query) ?? []) as QueryRow<N>[] };
}
