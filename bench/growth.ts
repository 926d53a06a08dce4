/**
 * npm run bench -- growth [--people 100000,300000,1000000] [--workspaces A,B,C] [--seed 1] [--runs 10] [--warmup 2] [--only PATTERN] [--no-import]
 *
 * How cost grows with the workspace: for each size, the generated graph in a
 * workspace of its own (`growth-<people>`, imported as `bench -- import`
 * does unless it is there already; a cut-off import is run again, which
 * completes it; --workspaces names them instead, one per size, e.g. the
 * shared 100k graph), then the canonical questions (bench/queries.ts). One table
 * per figure: the import's wall time, peak RSS and store size; each
 * question's p50 over HTTP and Neo4j's db hits, with the exponent of its
 * growth between the smallest and the largest size (1: linear in the
 * workspace, 0: flat). Db hits do not depend on a noisy neighbour; times do.
 */
import { parseArgs } from "node:util";
import type { Driver } from "neo4j-driver";
import { loadConfig } from "../src/config.js";
import { openDb } from "../src/db/open.js";
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY } from "../src/graph-document/import.js";
import { benchImport, type ImportFigures } from "./import.js";
import { measureQuestions, type QuestionFigures } from "./queries.js";

export async function growthBenchmark(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: "string", default: "100000,300000,1000000" },
      workspaces: { type: "string" },
      seed: { type: "string", default: "1" },
      runs: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      only: { type: "string" },
      "no-import": { type: "boolean", default: false },
    },
  });
  const sizes = values.people.split(",").map(Number);
  const names = values.workspaces?.split(",") ?? sizes.map((people) => `growth-${people}`);
  if (names.length !== sizes.length) throw new Error("--workspaces names one workspace per size in --people");
  const seed = Number(values.seed);
  const imports = new Map<number, ImportFigures>();
  const questions = new Map<string, Map<number, QuestionFigures>>();
  for (const [i, people] of sizes.entries()) {
    const workspace = names[i]!;
    const present = await peopleIn(workspace);
    if (present < people && !values["no-import"]) {
      console.error(`${workspace}: ${present.toLocaleString("en-US")} of ${people.toLocaleString("en-US")} people; importing`);
      imports.set(people, await benchImport({ people, seed, batchSize: DEFAULT_BATCH_SIZE, concurrency: DEFAULT_CONCURRENCY, workspace, keep: true }));
    }
    await measureQuestions(workspace, { runs: Number(values.runs), warmup: Number(values.warmup), only: values.only }, {
      measured: (name, figures) => {
        if (!questions.has(name)) questions.set(name, new Map());
        questions.get(name)!.set(people, figures);
        console.error(`${workspace}: ${name}: p50 ${figures.http.p50.toFixed(1)} ms, ${figures.dbHits} db hits`);
      },
    });
  }

  const header = (first: string) => [first, ...sizes.map((size) => `${size / 1000}k`)].join("\t");
  if (imports.size > 0) {
    console.log(`\nimport (seed ${seed})\n${header("figure")}`);
    const row = (label: string, value: (figures: ImportFigures) => string) => console.log([label, ...sizes.map((size) => { const f = imports.get(size); return f ? value(f) : "-"; })].join("\t"));
    row("wall seconds", (f) => f.seconds.toFixed(0));
    row("rows/s", (f) => String(Math.round(f.records / f.seconds)));
    row("importer peak RSS MB", (f) => String(f.peakRssMb));
    row("store MB", (f) => String(f.storeMb ?? "-"));
  }
  const [smallest, largest] = [sizes[0]!, sizes[sizes.length - 1]!];
  for (const [title, figure] of [["http p50 ms", (f: QuestionFigures) => f.http.p50], ["db hits", (f: QuestionFigures) => f.dbHits]] as const) {
    console.log(`\n${title}, and its growth exponent from ${smallest / 1000}k to ${largest / 1000}k people (1: linear, 0: flat)\n${header("question")}\texponent`);
    for (const [name, bySize] of questions) {
      const cells = sizes.map((size) => { const f = bySize.get(size); return f ? figure(f) : undefined; });
      const [low, high] = [cells[0], cells[cells.length - 1]];
      const exponent = low && high ? (Math.log(high / low) / Math.log(largest / smallest)).toFixed(2) : "-";
      console.log([name, ...cells.map((cell) => (cell === undefined ? "-" : title === "db hits" ? cell.toLocaleString("en-US") : cell.toFixed(1))), exponent].join("\t"));
    }
  }
}

async function peopleIn(workspace: string): Promise<number> {
  const { db, close } = await openDb(loadConfig({ ...process.env, LOG_LEVEL: "silent" }), () => {});
  try {
    return await countPeople(db.driver, db.database, workspace);
  } finally {
    await close();
  }
}

async function countPeople(driver: Driver, database: string | undefined, workspace: string): Promise<number> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    const result = await session.run("MATCH (p:Person {workspace: $workspace}) RETURN count(p) AS people", { workspace });
    return (result.records[0]?.get("people") as { toNumber(): number }).toNumber();
  } finally {
    await session.close();
  }
}
