/**
 * Writes one section of a streamed document in batches: records arrive one
 * at a time, become rows (import-steps.ts), and are sent in UNWIND batches,
 * one write transaction each, so a batch is whole or absent. A batch of the
 * section's first step is followed by the rows that link its records (a
 * person's employment and interests after the person, unless its statement
 * writes them with the person: ImportStep.carries). `concurrency` such
 * groups are in flight at once: while Neo4j writes one the client builds the
 * next (1.3× the rate of one at a time, measured on 2 cores); two may lock
 * the same nodes, and Neo4j's deadlock is retried by the driver as transient.
 * `add` returns a promise only when the caller must wait, which keeps the
 * reading of a fast stream from getting ahead of the writes.
 */
import type { Db, Params } from "../db/run.js";
import type { ImportRow, ImportStep } from "./import-steps.js";

export interface StepSummary {
  step: string;
  records: number;
  created: number;
  existed: number;
  /** Rows written a second time by the step's fallback statement, by key (import-steps.ts): none when every person was found by id. */
  rewritten: number;
  /** Seconds its batches were being written, summed (with batches in flight at once, more than the wall time). */
  seconds: number;
  /** The step whose statement writes this one's rows (ImportStep.carries), its time counted there. */
  writtenWith?: string;
}

export interface WriteSettings {
  db: Db;
  workspace: string;
  batchSize: number;
  concurrency: number;
  /** Count the rows without writing them. */
  dryRun: boolean;
  /** After each committed batch, with its step and number of rows; once more for each step it carries, with that step's rows. */
  onBatch: (step: string, rows: number) => void;
}

export class SectionWriter<R> {
  private buffers: ImportRow[][];
  private readonly later: ImportRow[][];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;
  private readonly summaries: Map<string, StepSummary>;

  /** @param summaries one for each step and each step it carries (ImportStep.carries), by name */
  constructor(
    private readonly steps: ImportStep[],
    summaries: StepSummary[],
    private readonly settings: WriteSettings,
  ) {
    this.buffers = steps.map(() => []);
    this.later = steps.map(() => []);
    this.summaries = new Map(summaries.map((summary) => [summary.step, summary]));
    for (const { step } of emptySummaries(steps)) if (!this.summaries.has(step)) throw new Error(`no summary for the import step ${step}`);
  }

  /** @param index the record's place in its section */
  add(record: R, index: number): Promise<void> | undefined {
    this.steps.forEach((step, i) => {
      const rows = step.rows(record as never, index);
      (step.afterSection ? this.later[i]! : this.buffers[i]!).push(...rows);
    });
    if (this.buffers[0]!.length < this.settings.batchSize) return undefined;
    return this.flush();
  }

  /** Writes what is left, then the steps that wait for the whole section. */
  async finish(): Promise<void> {
    await this.flush();
    await this.drain();
    const later = this.steps.flatMap((step, i) => (step.afterSection ? [{ step, rows: this.later[i]! }] : []));
    for (const { step, rows } of later) {
      for (let offset = 0; offset < rows.length; offset += this.settings.batchSize) {
        await this.admit(this.batch(step, rows.slice(offset, offset + this.settings.batchSize)));
      }
      await this.drain();
    }
  }

  private async flush(): Promise<void> {
    const rows = this.buffers;
    this.buffers = this.steps.map(() => []);
    if (rows.every((stepRows) => stepRows.length === 0)) return;
    await this.admit(this.group(rows));
  }

  /** Waits for a free place among the groups in flight; a failed group fails the import, and no batch starts after it. */
  private async admit(work: Promise<void>): Promise<void> {
    const tracked: Promise<void> = work
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    while (this.inFlight.size >= this.settings.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
  }

  private async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  private async group(rows: ImportRow[][]): Promise<void> {
    for (const [i, step] of this.steps.entries()) {
      const stepRows = rows[i]!;
      for (let offset = 0; offset < stepRows.length; offset += this.settings.batchSize) {
        await this.batch(step, stepRows.slice(offset, offset + this.settings.batchSize));
      }
    }
  }

  private async batch(step: ImportStep, rows: ImportRow[]): Promise<void> {
    if (rows.length === 0) return;
    this.throwIfFailed();
    const started = performance.now();
    const { db, workspace, dryRun } = this.settings;
    const summary = this.summaries.get(step.name)!;
    const written = dryRun ? undefined : await db.writeCounted(step.query, { workspace, ...(step.batch ? step.batch(rows) : { rows }) } satisfies Params);
    let created = written?.updates[step.counter] ?? 0;
    if (step.fallback && !dryRun && created < rows.length) {
      created += (await db.writeCounted(step.fallback.query, { workspace, rows: rows.map(step.fallback.rows) } satisfies Params)).updates[step.counter] ?? 0;
      summary.rewritten += rows.length;
    }
    count(summary, rows.length, created, dryRun);
    const carried = this.countCarried(step, rows, written?.rows[0] as Record<string, unknown> | undefined);
    summary.seconds += (performance.now() - started) / 1000;
    if (dryRun) return;
    this.settings.onBatch(step.name, rows.length);
    for (const { name, records } of carried) this.settings.onBatch(name, records);
  }

  /** The rows a batch's step carries (ImportStep.carries), counted in their own steps' summaries: created as its statement returned (`counts`: none in a dry run). */
  private countCarried(step: ImportStep, rows: ImportRow[], counts: Record<string, unknown> | undefined): { name: string; records: number }[] {
    const { dryRun } = this.settings;
    return (step.carries ?? []).map((carried) => {
      const created = counts?.[carried.step];
      if (!dryRun && typeof created !== "number") throw new Error(`${step.query} returned no count of ${carried.step}`);
      const records = rows.reduce((sum, row) => sum + carried.rows(row), 0);
      count(this.summaries.get(carried.step)!, records, (created as number | undefined) ?? 0, dryRun);
      return { name: carried.step, records };
    });
  }
}

/** A summary at zero for each step and each step it carries, in order. */
export function emptySummaries(steps: ImportStep[]): StepSummary[] {
  const zero = (step: string, writtenWith?: string): StepSummary => ({ step, records: 0, created: 0, existed: 0, rewritten: 0, seconds: 0, ...(writtenWith && { writtenWith }) });
  return steps.flatMap((step) => [zero(step.name), ...(step.carries ?? []).map((carried) => zero(carried.step, step.name))]);
}

function count(summary: StepSummary, records: number, created: number, dryRun: boolean): void {
  summary.records += records;
  summary.created += created;
  summary.existed += dryRun ? 0 : records - created;
}
