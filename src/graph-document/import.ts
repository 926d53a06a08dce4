/**
 * Import: a graph document into a workspace, as an upsert on natural keys.
 *
 * 1. Validate the whole document (with the keys already in the workspace, so
 *    references may point there). Any problem → nothing is written.
 * 2. Write it in steps, in dependency order (topics before the content about
 *    them, people before their connections …). Each step sends its rows in
 *    UNWIND batches, one write transaction per batch: a failure leaves no
 *    half-written batch, and since every write is a MERGE, running the same
 *    import again completes the job and changes nothing already written.
 * 3. Weigh every pair the document's interactions touch again
 *    (src/relationships/pairs.ts), in batches of their own: a re-run weighs
 *    them all again, so it completes this step too.
 */
import type { Config } from "../config.js";
import type { Db, Params } from "../db/run.js";
import { inContactOrder, pairsOf, weighPairs, type Pair } from "../relationships/pairs.js";
import { DEFAULT_HALF_LIFE_DAYS } from "../relationships/strength.js";
import { importSteps, type ImportStep } from "./import-steps.js";
import { knownKeys } from "./known-keys.js";
import { Progress, type ProgressWriter } from "./progress.js";
import { validateGraphDocument } from "./validate.js";
import type { KnownKeys, Problem } from "./document-checks.js";

export const DEFAULT_BATCH_SIZE = 10_000;
export const DEFAULT_CONCURRENCY = 2;
/** A batch of a long import may wait for locks far longer than a query may run. */
export const LONG_WRITE_TX_TIMEOUT_MS = 300_000;

export interface ImportOptions {
  workspace: string;
  dryRun?: boolean;
  batchSize?: number;
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  /** Progress lines for long imports; none when omitted. */
  progress?: ProgressWriter;
  /** Called after each committed batch with its number of rows. */
  onBatch?: (rows: number) => void;
  /** The strength rule's half-life for connections weighed from interactions (default 90 days, as RAPPORT_HALF_LIFE_DAYS). */
  halfLifeDays?: number;
}

/** Pairs weighed per transaction: each reads all of the pair's interactions. */
const PAIRS_PER_BATCH = 1_000;

export interface StepSummary {
  step: string;
  records: number;
  created: number;
  existed: number;
  seconds: number;
}

export type ImportResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; dryRun: boolean; steps: StepSummary[]; seconds: number };

export async function importGraphDocument(db: Db, input: unknown, options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const known = await knownKeys(db, options.workspace);
  const validation = validateGraphDocument(input, known);
  if (!validation.ok) return { ok: false, problems: validation.problems };

  const steps = importSteps(validation.document, isEmpty(known));
  if (options.dryRun) {
    const planned = steps.map((step) => ({ step: step.name, records: step.size, created: 0, existed: 0, seconds: 0 }));
    return { ok: true, dryRun: true, steps: planned, seconds: elapsed(started) };
  }

  const total = steps.reduce((sum, step) => sum + step.size, 0);
  const progress = options.progress ? new Progress("import", total, options.progress) : undefined;
  const summaries: StepSummary[] = [];
  for (const step of steps) {
    summaries.push(await writeStep(db, step, options, progress));
  }
  const pairs = inContactOrder(pairsOf(validation.document.interactions));
  if (pairs.length > 0) summaries.push(await weighStep(db, pairs, options));
  progress?.finish();
  return { ok: true, dryRun: false, steps: summaries, seconds: elapsed(started) };
}

/**
 * A step's batches, `concurrency` at a time: while Neo4j writes one batch the
 * client encodes the next (measured: 1.3× the rate of one at a time for
 * connections on 2 cores). Two batches may lock the same nodes; Neo4j then
 * reports a deadlock, which the driver retries as a transient error.
 */
async function writeStep(db: Db, step: ImportStep, options: ImportOptions, progress: Progress | undefined): Promise<StepSummary> {
  const { workspace, batchSize = DEFAULT_BATCH_SIZE, concurrency = DEFAULT_CONCURRENCY } = options;
  const started = performance.now();
  const summary: StepSummary = { step: step.name, records: step.size, created: 0, existed: 0, seconds: 0 };
  let offset = 0;
  const worker = async () => {
    while (offset < step.size) {
      const rows = step.rows(offset, batchSize);
      offset += batchSize;
      const updates = await db.writeCounted(step.query, { workspace, rows } satisfies Params);
      const created = updates[step.counter] ?? 0;
      summary.created += created;
      summary.existed += rows.length - created;
      progress?.add(rows.length, step.name);
      options.onBatch?.(rows.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  summary.seconds = elapsed(started);
  return summary;
}

async function weighStep(db: Db, pairs: Pair[], options: ImportOptions): Promise<StepSummary> {
  const started = performance.now();
  const settings = { nowMs: Date.now(), halfLifeDays: options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS };
  let connected = 0;
  for (let offset = 0; offset < pairs.length; offset += PAIRS_PER_BATCH) {
    const batch = pairs.slice(offset, offset + PAIRS_PER_BATCH);
    connected += await db.transaction("import: connection strengths", (run) => weighPairs(run, options.workspace, batch, settings));
  }
  return { step: "connection strengths", records: pairs.length, created: connected, existed: pairs.length - connected, seconds: elapsed(started) };
}

/**
 * Settings for a long import. Concurrent batches can deadlock on shared nodes
 * or wait for each other's locks: the driver retries a deadlock only within
 * its retry budget, and a batch that waits is still within its transaction
 * timeout — both kept short for requests, so that they fail fast.
 */
export function forLongWrites(config: Config): Config {
  return {
    ...config,
    neo4jMaxRetryMs: Math.max(config.neo4jMaxRetryMs, 60_000),
    neo4jTxTimeoutMs: Math.max(config.neo4jTxTimeoutMs, LONG_WRITE_TX_TIMEOUT_MS),
  };
}

function isEmpty(known: KnownKeys): boolean {
  return known.emails.size === 0 && known.domains.size === 0 && known.contentUrls.size === 0 && known.topicKeys.size === 0;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started) / 1000;
}
