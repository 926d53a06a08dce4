/**
 * npm run bench -- ingest [--messages 200000] [--seed 1] [--externals 5000] [--batch-size N] [--concurrency N] [--keep]
 *
 * Ingests a generated mailbox (seed/generator/mailbox.ts, written once into
 * .data/bench/ and reused) into an empty workspace of the configured Neo4j,
 * as `npm run ingest -- mail` does, and prints side by side, in one run:
 * reading alone (readMail, no database) and the whole ingestion, each with
 * messages/s and the peak RSS of the process it ran in, and the ratio of the
 * two rates; and the CPU seconds the ingester and the local Neo4j spent on the
 * ingestion (bench/cpu.ts), steadier than wall time on a busy machine. Each
 * of the two runs in a process of its own, started by the bench, so each peak
 * RSS is that run's alone. The workspace is wiped afterwards unless --keep.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { writeMailbox } from "../seed/generator/mailbox.js";
import { loadConfig, PROJECT_ROOT, type Config } from "../src/config.js";
import { openDb } from "../src/db/open.js";
import { forLongWrites, importGraphDocument } from "../src/graph-document/import.js";
import { DEFAULT_INGEST_BATCH, DEFAULT_INGEST_CONCURRENCY, ingest, type IngestSummary } from "../src/ingest/ingest.js";
import { readMail } from "../src/ingest/read-mail.js";
import { startCpuClock } from "./cpu.js";
import { wipeWorkspace } from "./wipe.js";

const USERS = ["ann.lee@acme.io", "bob.stone@acme.io", "carol.diaz@acme.io", "dan.wu@acme.io"];

export async function ingestBenchmark(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      messages: { type: "string", default: "200000" },
      seed: { type: "string", default: "1" },
      externals: { type: "string", default: "5000" },
      "batch-size": { type: "string", default: String(DEFAULT_INGEST_BATCH) },
      concurrency: { type: "string", default: String(DEFAULT_INGEST_CONCURRENCY) },
      keep: { type: "boolean", default: false },
      // One run, in a process started by the benchmark itself: --run read|ingest --workspace W --file F.
      run: { type: "string" },
      workspace: { type: "string" },
      file: { type: "string" },
    },
  });
  const config = forLongWrites(loadConfig());
  const writing = { batchSize: Number(values["batch-size"]), concurrency: Number(values.concurrency) };
  if (values.run === "read") return readRun(values.file as string);
  if (values.run === "ingest") return ingestRun(config, values.workspace as string, values.file as string, writing);

  const [messages, seed, externals] = [Number(values.messages), Number(values.seed), Number(values.externals)];
  const file = await generatedMailbox(messages, seed, externals);
  const { db, close } = await openDb(config, (line) => console.error(line));
  const workspace = `bench-ingest-${Date.now()}`;
  try {
    const run = <T>(kind: "read" | "ingest"): T => {
      // The same Node and flags as this process (npm run bench's), and the same bench entry point.
      const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, "ingest", "--run", kind, "--workspace", workspace, "--file", file,
        "--batch-size", values["batch-size"], "--concurrency", values.concurrency], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 2 ** 20 });
      return JSON.parse(output.trim().split("\n").at(-1)!) as T;
    };
    const reading = run<Measured<number>>("read");
    const team = { version: 1, people: USERS.map((email) => ({ email })), users: USERS.map((email) => ({ email })) };
    const imported = await importGraphDocument(db, team, { workspace });
    if (!imported.ok) throw new Error(imported.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    const ingesting = run<Measured<IngestSummary> & { cpu: { self: number; neo4j: number | undefined } }>("ingest");
    const summary = ingesting.result;

    const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
    const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString("en-US");
    console.log(`\ningest of a generated mailbox: ${messages.toLocaleString("en-US")} messages (${mib(fs.statSync(file).size)}), seed ${seed}, ${externals} external people, batch size ${values["batch-size"]}, ${values.concurrency} at a time`);
    console.log(`${"".padEnd(24)}${"seconds".padStart(9)}${"messages/s".padStart(12)}${"peak RSS".padStart(11)}`);
    console.log(`${"read only (no database)".padEnd(24)}${reading.seconds.toFixed(1).padStart(9)}${rate(reading.result, reading.seconds).padStart(12)}${mib(reading.peakRss).padStart(11)}`);
    console.log(`${"ingest (read + write)".padEnd(24)}${ingesting.seconds.toFixed(1).padStart(9)}${rate(summary.read, ingesting.seconds).padStart(12)}${mib(ingesting.peakRss).padStart(11)}`);
    console.log(`ingest / read-only time: ${(ingesting.seconds / reading.seconds).toFixed(2)}×; of the ingest, weighing pairs at the end: ${summary.weighingSeconds.toFixed(1)}s`);
    const spent = ingesting.cpu;
    console.log(`CPU during the ingest: ingester ${spent.self.toFixed(1)} s, Neo4j ${spent.neo4j === undefined ? "not readable (NEO4J_URI)" : `${spent.neo4j.toFixed(1)} s`}`);
    console.log(`interactions ${summary.interactions} (recorded ${summary.recorded}), automated ${summary.automated}, skipped ${summary.skipped.count}, no team contact ${summary.withoutTeamContact}`);
    console.log(`people created ${summary.peopleCreated}, companies created ${summary.companiesCreated}, pairs weighed ${summary.pairs}, connected ${summary.connected}`);
    if (!values.keep) await wipeWorkspace(db.driver, db.database, workspace);
  } finally {
    await close();
  }
}

/** Reads the mailbox alone, in this process; its figures as one JSON line on stdout. */
async function readRun(file: string): Promise<void> {
  const reading = await measured(async () => {
    let read = 0;
    for await (const _ of readMail({ path: file })) read += 1;
    return read;
  });
  console.log(JSON.stringify(reading));
}

/** Ingests the mailbox as the first user, in this process; its figures as one JSON line on stdout. */
async function ingestRun(config: Config, workspace: string, file: string, writing: { batchSize: number; concurrency: number }): Promise<void> {
  const { db, close } = await openDb(config, () => undefined);
  try {
    const cpu = await startCpuClock(config);
    const ingesting = await measured(() => ingest(db, readMail({ path: file }), {
      workspace, user: USERS[0]!, ...writing, halfLifeDays: config.relationships.halfLifeDays, progress: (line) => console.error(line),
    }));
    console.log(JSON.stringify({ ...ingesting, cpu: cpu.read() }));
  } finally {
    await close();
  }
}

type Measured<T> = { result: T; seconds: number; peakRss: number };

/** Wall time of `work` and the process's peak RSS while it ran (sampled every 10 ms). */
export async function measured<T>(work: () => Promise<T>): Promise<Measured<T>> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

async function generatedMailbox(messages: number, seed: number, externals: number): Promise<string> {
  const file = path.join(PROJECT_ROOT, ".data", "bench", `mailbox-${messages}-seed${seed}-externals${externals}.mbox`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  console.error(`generating ${file} …`);
  const out = fs.createWriteStream(file);
  await writeMailbox(out, { messages, seed, now: new Date(), users: USERS, externals });
  out.end();
  await finished(out);
  return file;
}
