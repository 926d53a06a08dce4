/**
 * npm run bench -- import [--people 100000] [--seed 1] [--batch-size N] [--concurrency N] [--workspace NAME] [--keep]
 *
 * Imports a generated graph into an empty workspace of the configured Neo4j
 * (the local one by default), streamed from its file as `npm run import` and
 * POST /import read it, and prints wall time and records/s per step, the
 * CPU seconds of the importer and of the local Neo4j over the import, the
 * importer's peak RSS, and the local Neo4j's store size before and after.
 * The document is generated once into .data/bench/ and reused. The workspace
 * is wiped afterwards unless --keep (the query benchmark wants it kept).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Driver } from "neo4j-driver";
import { generateGraph } from "../seed/generator.js";
import { writeGraphDocument } from "../seed/write-document.js";
import { loadConfig, PROJECT_ROOT } from "../src/config.js";
import { localStoreBytes } from "../src/db/neo4j-memory.js";
import { openDb } from "../src/db/open.js";
import { fileDocument } from "../src/graph-document/document-source.js";
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, forLongWrites, importDocument } from "../src/graph-document/import.js";
import { startCpuClock } from "./cpu.js";
import { wipeWorkspace } from "./wipe.js";

export interface ImportFigures {
  people: number;
  records: number;
  seconds: number;
  peakRssMb: number;
  storeMb: number | undefined;
}

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
  await benchImport({
    people: Number(values.people), seed: Number(values.seed), batchSize: Number(values["batch-size"]), concurrency: Number(values.concurrency),
    workspace: values.workspace ?? `bench-import-${Date.now()}`, keep: values.keep,
  });
}

export async function benchImport(options: { people: number; seed: number; batchSize: number; concurrency: number; workspace: string; keep: boolean }): Promise<ImportFigures> {
  const { people, seed, workspace } = options;
  const file = await generatedDocument(people, seed);
  const config = forLongWrites(loadConfig());
  // Only a local Neo4j's store can be measured from here.
  const storeMb = () => (config.externalNeo4j ? undefined : Math.round(localStoreBytes(config.localNeo4j.homeDir) / 2 ** 20));
  const { db, close } = await openDb(config, (line) => console.error(line));
  try {
    const storeBefore = storeMb();
    const cpu = await startCpuClock(config);
    const started = performance.now();
    const result = await importDocument(db, fileDocument(file), {
      workspace, batchSize: options.batchSize, concurrency: options.concurrency, progress: (line) => console.error(line),
    });
    if (!result.ok) throw new Error(result.problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`).join("\n"));
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpu.read();
    // maxRSS is in kilobytes: the peak over the whole process, reading, validating and writing.
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    // Writes reach the store files at a checkpoint; until then they are in the page cache and the transaction log.
    const checkpointed = !config.externalNeo4j && (await checkpoint(db.driver, db.database));
    const storeAfter = storeMb();

    const records = result.steps.filter((step) => step.step !== "connection strengths").reduce((sum, step) => sum + step.records, 0);
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    console.log(`\nimport of ${people.toLocaleString("en-US")} generated people (seed ${seed}, ${mb(fs.statSync(file).size)} of JSON), batch size ${options.batchSize}, ${options.concurrency} at a time, into workspace "${workspace}"`);
    console.log(`${"step".padEnd(22)}${"rows".padStart(11)}${"tx seconds".padStart(12)}${"rows/s".padStart(10)}`);
    for (const step of result.steps) {
      console.log(`${step.step.padEnd(22)}${String(step.records).padStart(11)}${step.seconds.toFixed(1).padStart(12)}${String(Math.round(step.records / Math.max(step.seconds, 0.001))).padStart(10)}`);
    }
    console.log(`validate (first reading): ${result.validationSeconds.toFixed(1)}s; write (second reading): ${(result.seconds - result.validationSeconds).toFixed(1)}s`);
    console.log(`wall time: ${seconds.toFixed(1)}s (${(seconds / 60).toFixed(1)} min) for ${records.toLocaleString("en-US")} rows (${Math.round(records / seconds)} rows/s)`);
    const neo4jCpu = cpuSeconds.neo4j === undefined ? "" : `, Neo4j ${cpuSeconds.neo4j.toFixed(0)} s`;
    console.log(`CPU seconds over the import: importer ${cpuSeconds.self.toFixed(0)} s${neo4jCpu}`);
    console.log(`importer peak RSS: ${peakRssMb} MB`);
    if (storeBefore !== undefined && storeAfter !== undefined) {
      const when = checkpointed ? "" : " (as of Neo4j's last checkpoint: this Neo4j cannot be asked for one)";
      console.log(`local Neo4j store (data/databases): ${storeBefore} MB before, ${storeAfter} MB after (+${storeAfter - storeBefore} MB)${when}`);
    }
    if (!options.keep) await wipeWorkspace(db.driver, db.database, workspace);
    return { people, records, seconds, peakRssMb, storeMb: storeAfter };
  } finally {
    await close();
  }
}

/** Asks Neo4j for a checkpoint; false where it has no `db.checkpoint()` (the embedded Community the local launcher runs). */
async function checkpoint(driver: Driver, database: string | undefined): Promise<boolean> {
  const session = driver.session({ database });
  try {
    await session.run("CALL db.checkpoint()");
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "Neo.ClientError.Procedure.ProcedureNotFound") return false;
    throw error;
  } finally {
    await session.close();
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
