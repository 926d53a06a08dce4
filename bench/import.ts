/**
 * npm run bench -- import [--people 100000] [--seed 1] [--batch-size N] [--concurrency N] [--workspace NAME] [--keep]
 *
 * Imports a generated graph into an empty workspace of the configured Neo4j
 * (the local one by default) and prints wall time and records/s per step.
 * The document is generated once into .data/bench/ and reused. The workspace
 * is wiped afterwards unless --keep (the query benchmark wants it kept).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateGraph } from "../seed/generator.js";
import { writeGraphDocument } from "../seed/write-document.js";
import { loadConfig, PROJECT_ROOT } from "../src/config.js";
import { openDb } from "../src/db/open.js";
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, forLongWrites, importGraphDocument } from "../src/graph-document/import.js";
import { wipeWorkspace } from "./wipe.js";

export async function importBenchmark(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: "string", default: "100000" },
      seed: { type: "string", default: "1" },
      "batch-size": { type: "string", default: String(DEFAULT_BATCH_SIZE) },
      concurrency: { type: "string", default: String(DEFAULT_CONCURRENCY) },
      workspace: { type: "string" },
      keep: { type: "boolean", default: false },
    },
  });
  const people = Number(values.people);
  const seed = Number(values.seed);
  const file = await generatedDocument(people, seed);
  const workspace = values.workspace ?? `bench-import-${Date.now()}`;

  const { db, close } = await openDb(forLongWrites(loadConfig()), (line) => console.error(line));
  try {
    const readStarted = performance.now();
    const document = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    const readSeconds = (performance.now() - readStarted) / 1000;
    const result = await importGraphDocument(db, document, {
      workspace,
      batchSize: Number(values["batch-size"]),
      concurrency: Number(values.concurrency),
      progress: (line) => console.error(line),
    });
    if (!result.ok) throw new Error(result.problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`).join("\n"));

    const written = result.steps.reduce((sum, step) => sum + step.seconds, 0);
    const records = result.steps.reduce((sum, step) => sum + step.records, 0);
    console.log(`\nimport of ${people.toLocaleString("en-US")} generated people (seed ${seed}), batch size ${values["batch-size"]}, ${values.concurrency} at a time, into workspace "${workspace}"`);
    console.log(`${"step".padEnd(18)}${"records".padStart(10)}${"seconds".padStart(10)}${"records/s".padStart(12)}`);
    for (const step of result.steps) {
      console.log(`${step.step.padEnd(18)}${String(step.records).padStart(10)}${step.seconds.toFixed(1).padStart(10)}${String(Math.round(step.records / Math.max(step.seconds, 0.001))).padStart(12)}`);
    }
    console.log(`read + parse JSON: ${readSeconds.toFixed(1)}s; validate + normalize: ${(result.seconds - written).toFixed(1)}s; write: ${written.toFixed(1)}s`);
    console.log(`total: ${records.toLocaleString("en-US")} records in ${(readSeconds + result.seconds).toFixed(1)}s (${Math.round(records / (readSeconds + result.seconds))} records/s)`);
    if (!values.keep) await wipeWorkspace(db.driver, db.database, workspace);
  } finally {
    await close();
  }
}

async function generatedDocument(people: number, seed: number): Promise<string> {
  const file = path.join(PROJECT_ROOT, ".data", "bench", `graph-${people}-seed${seed}.json`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  console.error(`generating ${file} …`);
  const graph = generateGraph({ people, seed, now: new Date() });
  const out = fs.createWriteStream(file);
  await writeGraphDocument(graph, out);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return file;
}
