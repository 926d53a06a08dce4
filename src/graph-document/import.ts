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
 */
import type { Db, Params } from "../db/run.js";
import { importSteps, type ImportStep } from "./import-steps.js";
import { knownKeys } from "./known-keys.js";
import { Progress, type ProgressWriter } from "./progress.js";
import { validateGraphDocument } from "./validate.js";
import type { Problem } from "./validate.js";

export const DEFAULT_BATCH_SIZE = 10_000;

export interface ImportOptions {
  workspace: string;
  dryRun?: boolean;
  batchSize?: number;
  /** Progress lines for long imports; none when omitted. */
  progress?: ProgressWriter;
  /** Called after each committed batch with its number of rows. */
  onBatch?: (rows: number) => void;
}

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
  const validation = validateGraphDocument(input, await knownKeys(db, options.workspace));
  if (!validation.ok) return { ok: false, problems: validation.problems };

  const steps = importSteps(validation.document);
  if (options.dryRun) {
    const planned = steps.map((step) => ({ step: step.name, records: step.rows.length, created: 0, existed: 0, seconds: 0 }));
    return { ok: true, dryRun: true, steps: planned, seconds: elapsed(started) };
  }

  const total = steps.reduce((sum, step) => sum + step.rows.length, 0);
  const progress = options.progress ? new Progress("import", total, options.progress) : undefined;
  const summaries: StepSummary[] = [];
  for (const step of steps) {
    summaries.push(await writeStep(db, step, options, progress));
  }
  progress?.finish();
  return { ok: true, dryRun: false, steps: summaries, seconds: elapsed(started) };
}

async function writeStep(db: Db, step: ImportStep, options: ImportOptions, progress: Progress | undefined): Promise<StepSummary> {
  const { workspace, batchSize = DEFAULT_BATCH_SIZE } = options;
  const started = performance.now();
  const summary: StepSummary = { step: step.name, records: step.rows.length, created: 0, existed: 0, seconds: 0 };
  for (let offset = 0; offset < step.rows.length; offset += batchSize) {
    const rows = step.rows.slice(offset, offset + batchSize);
    const { updates } = await db.writeCounted(step.query, { workspace, rows } satisfies Params);
    const created = updates[step.counter] ?? 0;
    summary.created += created;
    summary.existed += rows.length - created;
    progress?.add(rows.length, step.name);
    options.onBatch?.(rows.length);
  }
  summary.seconds = elapsed(started);
  return summary;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started) / 1000;
}
