/**
 * npm run bench -- import [--people 100000] [--seed 1] [--batch-size N] [--concurrency N] [--workspace NAME] [--keep]
 *
 * Imports a generated graph into an empty workspace of the configured Neo4j
 * (the local one by default), streamed from its file as `npm run import` and
 * POST /import read it, and prints wall time and records/s per step, the
 * CPU seconds of the importer and of the local Neo4j over the import, the
 * importer's peak RSS, and the local Neo4j's store size before and after.
 * The import runs in a process of its own, started with the Node flags of
 * `npm run import` (its 640 MB heap), so that its peak RSS is what that
 * command would reach, not this process's (whose larger heap V8 fills more
 * lazily). The document is generated once into .data/bench/ and reused. The
 * workspace is wiped afterwards unless --keep (the query benchmark wants it kept).
 */
import { spawn } from "node:child_process";
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
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, forLongWrites, importDocument, type ImportResult } from "../src/graph-document/import.js";
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
      // The import itself, in the process benchImport starts: --run FILE.
      run: { type: "string" },
    },
  });
  if (values.run !== undefined) return oneImport(values.run, values.workspace as string, Number(values["batch-size"]), Number(values.concurrency));
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
    const run = await importProcess(file, workspace, options.batchSize, options.concurrency);
    const { result } = run;
    if (!result.ok) throw new Error(result.problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`).join("\n"));
    const seconds = (performance.now() - started) / 1000;
    const neo4jCpuSeconds = cpu.read().neo4j;
    const peakRssMb = Math.round(run.peakRssKb / 1024);
    // Writes reach the store files at a checkpoint; until then they are in the page cache and the transaction log.
    const checkpointed = !config.externalNeo4j && (await checkpoint(db.driver, db.database));
    const storeAfter = storeMb();

    const records = result.steps.filter((step) => step.step !== "connection strengths").reduce((sum, step) => sum + step.records, 0);
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    console.log(`\nimport of ${people.toLocaleString("en-US")} generated people (seed ${seed}, ${mb(fs.statSync(file).size)} of JSON), batch size ${options.batchSize}, ${options.concurrency} at a time, into workspace "${workspace}"`);
    console.log(`${"step".padEnd(22)}${"rows".padStart(11)}${"tx seconds".padStart(12)}${"rows/s".padStart(14)}`);
    for (const step of result.steps) {
      console.log(`${step.step.padEnd(22)}${String(step.records).padStart(11)}${step.seconds.toFixed(1).padStart(12)}${(step.writtenWith ? `with ${step.writtenWith}` : String(Math.round(step.records / Math.max(step.seconds, 0.001)))).padStart(14)}${step.rewritten ? `  (${step.rewritten} written again by key)` : ""}`);
    }
    console.log(`validate (first reading): ${result.validationSeconds.toFixed(1)}s; write (second reading): ${(result.seconds - result.validationSeconds).toFixed(1)}s`);
    console.log(`wall time: ${seconds.toFixed(1)}s (${(seconds / 60).toFixed(1)} min) for ${records.toLocaleString("en-US")} rows (${Math.round(records / seconds)} rows/s)`);
    const neo4jCpu = neo4jCpuSeconds === undefined ? "" : `, Neo4j ${neo4jCpuSeconds.toFixed(0)} s`;
    console.log(`CPU seconds over the import: importer ${run.cpuSeconds.toFixed(0)} s${neo4jCpu}`);
    console.log(`importer peak RSS: ${peakRssMb} MB (a process run as npm run import runs: ${importNodeFlags().join(" ")})`);
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

/** What the import's own process reports: its result, CPU seconds and peak RSS (the whole process: reading, checking, writing). */
interface ImportRun {
  result: ImportResult;
  cpuSeconds: number;
  peakRssKb: number;
}

/** The import in a process of its own, started as `npm run import` starts one; progress goes to this process's stderr. */
function importProcess(file: string, workspace: string, batchSize: number, concurrency: number): Promise<ImportRun> {
  const args = [...importNodeFlags(), process.argv[1]!, "import", "--run", file, "--workspace", workspace, "--batch-size", String(batchSize), "--concurrency", String(concurrency)];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`the import process exited with ${code}`));
      else resolve(JSON.parse(output.trim().split("\n").at(-1)!) as ImportRun);
    });
  });
}

/** The Node flags of package.json's `import` script (`node FLAGS… src/cli/import.ts`), so the two cannot drift apart. */
function importNodeFlags(): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const words = scripts.import!.trim().split(/\s+/);
  if (words[0] !== "node" || !words.at(-1)!.endsWith(".ts")) throw new Error(`package.json's import script is not "node FLAGS… FILE.ts": ${scripts.import}`);
  return words.slice(1, -1);
}

/** One import in this process (the one importProcess starts); its figures as one JSON line on stdout. */
async function oneImport(file: string, workspace: string, batchSize: number, concurrency: number): Promise<void> {
  const { db, close } = await openDb(forLongWrites(loadConfig()), (line) => console.error(line));
  try {
    const cpuStart = process.cpuUsage();
    const result = await importDocument(db, fileDocument(file), { workspace, batchSize, concurrency, progress: (line) => console.error(line) });
    const cpu = process.cpuUsage(cpuStart);
    // maxRSS is in kilobytes.
    const run: ImportRun = { result, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssKb: process.resourceUsage().maxRSS };
    console.log(JSON.stringify(run));
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
