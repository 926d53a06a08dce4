/**
 * Import: a graph document into a workspace, as an upsert on natural keys,
 * in memory that does not grow with the document: it is read as a stream
 * (document-source.ts), twice.
 *
 * 1. Validate the whole document (with the keys already in the workspace, so
 *    references may point there), keeping only compact key sets. Any
 *    problem → nothing is written.
 * 2. Read it again and write it section by section, in dependency order
 *    (topics before the content about them, people before their connections …).
 *    Each section's rows go in UNWIND batches, one write transaction per batch
 *    (section-writer.ts): a failure leaves no half-written batch, and since
 *    every write is a MERGE, running the same import again completes the job
 *    and changes nothing already written. A document whose sections are out
 *    of that order is read once per section.
 * 3. Weigh every pair the document's interactions touch again
 *    (src/relationships/pairs.ts), in batches of their own: a re-run weighs
 *    them all again, so it completes this step too.
 */
import type { Config } from "../config.js";
import type { Db } from "../db/run.js";
import { inContactOrder, weighPairs, type Pair } from "../relationships/pairs.js";
import { DEFAULT_HALF_LIFE_DAYS } from "../relationships/strength.js";
import { isEmptyWorkspace, type Problem } from "./document-checks.js";
import { objectDocument, type DocumentSource } from "./document-source.js";
import { importSteps, type ImportStep } from "./import-steps.js";
import { knownKeys } from "./known-keys.js";
import { normalizers } from "./normalize.js";
import { parseRecord } from "./parse-record.js";
import { PersonIds } from "./person-ids.js";
import { Progress, type ProgressWriter } from "./progress.js";
import { SECTIONS, type SectionName } from "./schema.js";
import { emptySummaries, SectionWriter, type StepSummary, type WriteSettings } from "./section-writer.js";
import { documentRecords, validateDocument, type DocumentPlan } from "./validate.js";

export type { StepSummary };

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

export type ImportResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; dryRun: boolean; steps: StepSummary[]; seconds: number; validationSeconds: number };

/** A document held in memory: the same path as a streamed one. */
export function importGraphDocument(db: Db, input: unknown, options: ImportOptions): Promise<ImportResult> {
  return importDocument(db, objectDocument(input), options);
}

export async function importDocument(db: Db, source: DocumentSource, options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const known = await knownKeys(db, options.workspace);
  const reading = options.progress ? new Progress("validate", null, options.progress) : undefined;
  const validation = await validateDocument(source, known, (items) => reading?.add(items, "checking"));
  reading?.finish();
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const validationSeconds = elapsed(started);

  const { plan } = validation;
  const intoEmpty = isEmptyWorkspace(known);
  let personIds = new PersonIds();
  const steps = importSteps(intoEmpty ? { evidence: plan.evidence, personIds: () => personIds } : undefined);
  const summaries = Object.fromEntries(
    Object.entries(steps).map(([section, sectionSteps]) => [section, emptySummaries(sectionSteps)]),
  ) as Record<SectionName, StepSummary[]>;
  const total = Object.values(plan.counts).reduce((sum, count) => sum + count, 0);
  const progress = options.progress && !options.dryRun ? new Progress("import", total, options.progress) : undefined;
  const recordSteps = new Set(Object.values(steps).map((sectionSteps) => sectionSteps[0]!.name));
  const settings: WriteSettings = {
    db,
    workspace: options.workspace,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    dryRun: options.dryRun ?? false,
    onBatch: (step, rows) => {
      if (recordSteps.has(step)) progress?.add(rows, step);
      options.onBatch?.(rows);
    },
  };
  const pairs = await writeSections(source, plan, steps, summaries, settings, async (section) => {
    if (section === "people" && intoEmpty && !settings.dryRun) personIds = await PersonIds.read(db, options.workspace);
  });
  const written = Object.values(summaries).flat();
  if (pairs.size > 0) written.push(await weighStep(db, inContactOrder(pairs.values()), options));
  progress?.finish();
  return { ok: true, dryRun: settings.dryRun, steps: written, seconds: elapsed(started), validationSeconds };
}

/**
 * Writes the sections in the order of SECTIONS, `written` called after each;
 * resolves with the team–contact pairs of the interactions, to weigh.
 */
async function writeSections(
  source: DocumentSource, plan: DocumentPlan, steps: ReturnType<typeof importSteps>, summaries: Record<SectionName, StepSummary[]>, settings: WriteSettings,
  written: (section: SectionName) => Promise<void>,
): Promise<Map<string, Pair>> {
  const normalize = normalizers(plan.resolveTopic);
  const canonical = (Object.keys(SECTIONS) as SectionName[]).filter((section) => plan.order.includes(section));
  const inOrder = canonical.every((section, i) => plan.order[i] === section);
  const passes = inOrder ? [canonical] : canonical.map((section) => [section]);
  const pairs = new Map<string, Pair>();
  const finish = async ({ section, writer }: { section: SectionName; writer: SectionWriter<unknown> }) => {
    await writer.finish();
    await written(section);
  };
  for (const sections of passes) {
    let current: { section: SectionName; writer: SectionWriter<unknown> } | undefined;
    for await (const group of documentRecords(source)) {
      for (const { section, index, value } of group) {
        if (!sections.includes(section)) continue;
        if (current?.section !== section) {
          if (current) await finish(current);
          current = { section, writer: new SectionWriter(steps[section] as ImportStep[], summaries[section], settings) };
        }
        const record = (normalize[section] as (record: unknown) => unknown)(parseRecord(section, value));
        if (section === "interactions") rememberPair(pairs, record as { user: string; person: string });
        const wait = current.writer.add(record, index);
        if (wait) await wait;
      }
    }
    if (current) await finish(current);
  }
  return pairs;
}

function rememberPair(pairs: Map<string, Pair>, { user, person }: { user: string; person: string }): void {
  const key = `${user}\n${person}`;
  if (!pairs.has(key)) pairs.set(key, { team: user, contact: person });
}

async function weighStep(db: Db, pairs: Pair[], options: ImportOptions): Promise<StepSummary> {
  const started = performance.now();
  const settings = { nowMs: Date.now(), halfLifeDays: options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS };
  let connected = 0;
  if (!options.dryRun) {
    for (let offset = 0; offset < pairs.length; offset += PAIRS_PER_BATCH) {
      const batch = pairs.slice(offset, offset + PAIRS_PER_BATCH);
      connected += await db.transaction("import: connection strengths", (run) => weighPairs(run, options.workspace, batch, settings));
    }
  }
  const existed = options.dryRun ? 0 : pairs.length - connected;
  return { step: "connection strengths", records: pairs.length, created: connected, existed, rewritten: 0, seconds: elapsed(started) };
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

function elapsed(started: number): number {
  return Math.round(performance.now() - started) / 1000;
}
