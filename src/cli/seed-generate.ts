/**
 * npm run seed:generate -- --people N --seed S [--out FILE|-] [--now ISO]
 * Writes a generated graph document (seed/generator.ts) to FILE or stdout,
 * streamed. Progress (records written, records/s) goes to stderr once a
 * second, then a summary of the records per section and the time taken.
 * Without --now, dates are relative to the start of today (UTC), so runs on
 * the same day agree; pass --now for output that never changes.
 */
import fs from "node:fs";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { generateGraph, MAX_PEOPLE } from "../../seed/generator.js";
import { writeGraphDocument } from "../../seed/write-document.js";
import { isDocumentDate } from "../graph-document/schema.js";
import { formatDuration } from "../graph-document/progress.js";
import { runCli, UsageError } from "./run-cli.js";

const USAGE = "usage: npm run seed:generate -- --people N --seed S [--out FILE|-] [--now 2026-11-22T00:00:00Z]";
const PROGRESS_INTERVAL_MS = 1_000;

runCli(async () => {
  const options = parseOptions();
  const graph = generateGraph(options);
  const out = openOutput(options.out);
  const started = performance.now();
  let written = 0;
  let lastReport = started;
  const counts = await writeGraphDocument(graph, out.stream, (section) => {
    written += 1;
    if (written % 10_000 !== 0) return;
    const now = performance.now();
    if (now - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = now;
    console.error(`seed:generate: ${written.toLocaleString("en-US")} records written · ${rate(written, now - started)} records/s · ${section}`);
  });
  await out.close();

  const elapsedMs = performance.now() - started;
  const summary = Object.entries(counts).map(([section, count]) => `${section} ${count.toLocaleString("en-US")}`).join(", ");
  const target = options.out === "-" ? "stdout" : `${options.out} (${(out.bytes() / 1e6).toFixed(1)} MB)`;
  console.error(
    `seed:generate: ${written.toLocaleString("en-US")} records for ${options.people.toLocaleString("en-US")} people (seed ${options.seed}, now ${options.now.toISOString()}) ` +
      `to ${target} in ${formatDuration(elapsedMs / 1000)} (${rate(written, elapsedMs)} records/s)\n  ${summary}`,
  );
  return 0;
});

function parseOptions(): { people: number; seed: number; now: Date; out: string } {
  const values = parseCommandLine();
  if (values.people === undefined || values.seed === undefined) throw new UsageError(`--people and --seed are required\n${USAGE}`);
  const people = Number(values.people);
  if (!/^\d+$/.test(values.people) || people < 1 || people > MAX_PEOPLE) {
    throw new UsageError(`--people must be a whole number from 1 to ${MAX_PEOPLE.toLocaleString("en-US")}, got "${values.people}"\n${USAGE}`);
  }
  const seed = Number(values.seed);
  if (!/^-?\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"\n${USAGE}`);
  if (values.now !== undefined && !isDocumentDate(values.now)) {
    throw new UsageError(`--now must be an ISO 8601 date or date-time with offset (2026-11-22 or 2026-11-22T09:30:00Z), got "${values.now}"\n${USAGE}`);
  }
  const now = values.now === undefined ? startOfTodayUtc() : new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.now) ? `${values.now}T00:00:00Z` : values.now);
  return { people, seed, now, out: values.out };
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: { people: { type: "string" }, seed: { type: "string" }, out: { type: "string", default: "-" }, now: { type: "string" } },
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

/** The document's stream; a file is opened up front so an unwritable path is a usage error, not a stream error mid-way. */
function openOutput(file: string): { stream: Writable; close(): Promise<void>; bytes(): number } {
  if (file === "-") return { stream: process.stdout, close: async () => {}, bytes: () => 0 };
  let fd: number;
  try {
    fd = fs.openSync(file, "w");
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const stream = fs.createWriteStream(file, { fd });
  return {
    stream,
    close: () => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))),
    bytes: () => stream.bytesWritten,
  };
}

function startOfTodayUtc(): Date {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
}

function rate(records: number, elapsedMs: number): string {
  return Math.round(records / Math.max(elapsedMs / 1000, 0.001)).toLocaleString("en-US");
}
