/**
 * npm run bench -- ingest [--messages 200000] [--seed 1] [--externals 5000] [--batch-size N] [--concurrency N] [--keep]
 *
 * Ingests a generated mailbox (seed/generator/mailbox.ts, written once into
 * .data/bench/ and reused) into an empty workspace of the configured Neo4j,
 * as `npm run ingest -- mail` does, and prints side by side, in one run:
 * reading alone (readMail, no database) and the whole ingestion, each with
 * messages/s and the process's peak RSS while it ran, and the ratio of the
 * two rates; and the CPU seconds the ingester and the local Neo4j spent on the
 * ingestion (bench/cpu.ts), steadier than wall time on a busy machine. The
 * workspace is wiped afterwards unless --keep.
 */
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { writeMailbox } from "../seed/generator/mailbox.js";
import { loadConfig, PROJECT_ROOT } from "../src/config.js";
import { openDb } from "../src/db/open.js";
import { forLongWrites, importGraphDocument } from "../src/graph-document/import.js";
import { DEFAULT_INGEST_BATCH, DEFAULT_INGEST_CONCURRENCY, ingest } from "../src/ingest/ingest.js";
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
    },
  });
  const [messages, seed, externals] = [Number(values.messages), Number(values.seed), Number(values.externals)];
  const file = await generatedMailbox(messages, seed, externals);
  const config = forLongWrites(loadConfig());
  const { db, close } = await openDb(config, (line) => console.error(line));
  const workspace = `bench-ingest-${Date.now()}`;
  try {
    const reading = await measured(async () => {
      let read = 0;
      for await (const _ of readMail({ path: file })) read += 1;
      return read;
    });
    const team = { version: 1, people: USERS.map((email) => ({ email })), users: USERS.map((email) => ({ email })) };
    const imported = await importGraphDocument(db, team, { workspace });
    if (!imported.ok) throw new Error(imported.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    const cpu = await startCpuClock(config);
    const ingesting = await measured(() => ingest(db, readMail({ path: file }), {
      workspace, user: USERS[0]!, batchSize: Number(values["batch-size"]), concurrency: Number(values.concurrency), halfLifeDays: config.relationships.halfLifeDays,
      progress: (line) => console.error(line),
    }));
    const summary = ingesting.result;

    const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
    const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString("en-US");
    console.log(`\ningest of a generated mailbox: ${messages.toLocaleString("en-US")} messages (${mib(fs.statSync(file).size)}), seed ${seed}, ${externals} external people, batch size ${values["batch-size"]}, ${values.concurrency} at a time`);
    console.log(`${"".padEnd(24)}${"seconds".padStart(9)}${"messages/s".padStart(12)}${"peak RSS".padStart(11)}`);
    console.log(`${"read only (no database)".padEnd(24)}${reading.seconds.toFixed(1).padStart(9)}${rate(reading.result, reading.seconds).padStart(12)}${mib(reading.peakRss).padStart(11)}`);
    console.log(`${"ingest (read + write)".padEnd(24)}${ingesting.seconds.toFixed(1).padStart(9)}${rate(summary.read, ingesting.seconds).padStart(12)}${mib(ingesting.peakRss).padStart(11)}`);
    console.log(`ingest / read-only time: ${(ingesting.seconds / reading.seconds).toFixed(2)}×; of the ingest, weighing pairs at the end: ${summary.weighingSeconds.toFixed(1)}s`);
    const spent = cpu.read();
    console.log(`CPU during the ingest: ingester ${spent.self.toFixed(1)} s, Neo4j ${spent.neo4j === undefined ? "not readable (NEO4J_URI)" : `${spent.neo4j.toFixed(1)} s`}`);
    console.log(`interactions ${summary.interactions} (recorded ${summary.recorded}), automated ${summary.automated}, skipped ${summary.skipped.count}, no team contact ${summary.withoutTeamContact}`);
    console.log(`people created ${summary.peopleCreated}, companies created ${summary.companiesCreated}, pairs weighed ${summary.pairs}, connected ${summary.connected}`);
    if (!values.keep) await wipeWorkspace(db.driver, db.database, workspace);
  } finally {
    await close();
  }
}

/** Wall time of `work` and the process's peak RSS while it ran (sampled every 10 ms). */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number }> {
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
