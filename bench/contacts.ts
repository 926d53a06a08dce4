/**
 * npm run bench -- contacts [--rows 100000] [--seed 1] [--batch-size N] [--warm-up 2] [--runs 3] [--keep]
 *
 * Ingests a generated LinkedIn Connections.csv (notes above the header, most
 * rows without an email, companies written several ways; written once into
 * .data/bench/ and reused) into empty workspaces of the configured Neo4j,
 * as `npm run ingest -- contacts` does, and prints: reading and checking
 * alone (a dry run: no write), each ingestion, and the same file again (which
 * changes nothing), each with rows/s, the CPU seconds of this process and of
 * Neo4j (when it is the local one), and peak RSS; then the median of the
 * measured ingestions. Each run is a process of its own, so that a peak RSS
 * is that run's alone (a process's RSS does not shrink back after a run).
 *
 * A Neo4j just started writes at half speed or less while its JVM compiles
 * the code the statements run: the first ingestions of 100,000 rows after a
 * start measured 2,326, then 3,682, then 4,809 rows/s, and about 5,100 from
 * then on. So --warm-up ingestions (default 2) go first, printed but not
 * counted, each into a workspace wiped at once; then --runs (default 3)
 * ingestions, each into a workspace of its own, wiped afterwards (the last
 * one after the second reading) unless --keep.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Random } from "../seed/generator/random.js";
import { loadConfig, PROJECT_ROOT } from "../src/config.js";
import { openDb } from "../src/db/open.js";
import { forLongWrites, importGraphDocument } from "../src/graph-document/import.js";
import { DEFAULT_CONTACTS_BATCH, ingestContacts, type ContactsSummary } from "../src/ingest/contacts/ingest-contacts.js";
import { startCpuClock } from "./cpu.js";
import { measured } from "./ingest.js";
import { wipeWorkspace } from "./wipe.js";

const USER = "ann.lee@acme.io";
const FIRST = ["Ana", "Ben", "Cara", "Dev", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jun", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya"];
const LAST = ["Souza", "Okafor", "Lind", "Patel", "Cohen", "Haddad", "Novak", "Sato", "Petrov", "Kim", "Mensah", "Berg", "Rossi", "Diallo"];
const LEGAL = ["", " Inc.", ", Inc.", " Ltd", " LLC", " GmbH", " AG", " S.A."];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface RunFigures {
  summary: ContactsSummary;
  seconds: number;
  peakRss: number;
  cpu: { self: number; neo4j: number | undefined };
}

export async function contactsBenchmark(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: "string", default: "100000" },
      seed: { type: "string", default: "1" },
      "batch-size": { type: "string", default: String(DEFAULT_CONTACTS_BATCH) },
      "warm-up": { type: "string", default: "2" },
      runs: { type: "string", default: "3" },
      keep: { type: "boolean", default: false },
      // One run, in a process started by the benchmark itself: --run dry|write --workspace W --file F.
      run: { type: "string" },
      workspace: { type: "string" },
      file: { type: "string" },
    },
  });
  const batchSize = Number(values["batch-size"]);
  const config = forLongWrites(loadConfig());
  if (values.run !== undefined) return oneRun(config, values.workspace as string, values.file as string, values.run === "dry", batchSize);

  const [rows, seed] = [Number(values.rows), Number(values.seed)];
  const file = generatedConnections(rows, seed);
  const { db, close } = await openDb(config, (line) => console.error(line));
  const freshWorkspace = async (label: string) => {
    const workspace = `bench-contacts-${label}-${Date.now()}`;
    const imported = await importGraphDocument(db, { version: 2, people: [{ email: USER }], users: [{ email: USER }] }, { workspace });
    if (!imported.ok) throw new Error(imported.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    return workspace;
  };
  const run = (kind: "dry" | "write", workspace: string): RunFigures => {
    // The same Node and flags as this process (npm run bench's), and the same bench entry point.
    const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, "contacts", "--run", kind, "--workspace", workspace, "--file", file, "--batch-size", String(batchSize)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 2 ** 20 });
    return JSON.parse(output.trim().split("\n").at(-1)!) as RunFigures;
  };
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  const line = (label: string, m: RunFigures) => console.log([
    label.padEnd(30), m.seconds.toFixed(1).padStart(9), rate(m).toLocaleString("en-US").padStart(10),
    m.cpu.self.toFixed(1).padStart(10), (m.cpu.neo4j === undefined ? "-" : m.cpu.neo4j.toFixed(1)).padStart(10), mib(m.peakRss).padStart(11),
  ].join(""));
  try {
    console.log(`\ncontacts: a generated LinkedIn export of ${rows.toLocaleString("en-US")} rows (${mib(fs.statSync(file).size)}), seed ${seed}, batch size ${batchSize}`);
    console.log(`${"".padEnd(30)}${"seconds".padStart(9)}${"rows/s".padStart(10)}${"CPU self".padStart(10)}${"CPU Neo4j".padStart(10)}${"peak RSS".padStart(11)}`);
    for (let i = 1; i <= Number(values["warm-up"]); i += 1) {
      const workspace = await freshWorkspace("warm-up");
      line(`warm-up ${i} (not counted)`, run("write", workspace));
      await wipeWorkspace(db.driver, db.database, workspace);
    }
    const workspaces: string[] = [];
    const ingests: RunFigures[] = [];
    for (let i = 1; i <= Number(values.runs); i += 1) {
      const workspace = await freshWorkspace(`run${i}`);
      workspaces.push(workspace);
      if (i === 1) line("read + check (dry run)", run("dry", workspace));
      ingests.push(run("write", workspace));
      line(`ingest ${i} (read, check, write)`, ingests.at(-1)!);
      if (i < Number(values.runs) && !values.keep) await wipeWorkspace(db.driver, db.database, workspace);
    }
    const again = run("write", workspaces.at(-1)!);
    line("the same file again", again);
    const s = ingests.at(-1)!.summary;
    console.log(`valid ${s.valid}, invalid ${s.invalid.count}; people new ${s.peopleCreated}, companies new ${s.companiesCreated}, connections ${s.connectionsCreated}`);
    console.log(`again: people new ${again.summary.peopleCreated}, companies new ${again.summary.companiesCreated}, connections ${again.summary.connectionsCreated}`);
    const rates = ingests.map(rate).sort((x, y) => x - y);
    console.log(`ingest: median ${rates[rates.length >> 1]!.toLocaleString("en-US")} rows/s of ${rates.length} (${rates.map((r) => r.toLocaleString("en-US")).join(", ")}), highest peak RSS ${mib(Math.max(...ingests.map((m) => m.peakRss)))}`);
    console.log("goals: at least 5,000 rows/s and under 500 MiB peak RSS for the ingest");
    if (!values.keep) await wipeWorkspace(db.driver, db.database, workspaces.at(-1)!);
  } finally {
    await close();
  }
}

function rate(m: RunFigures): number {
  return Math.round(m.summary.rows / m.seconds);
}

/** One run in this process; its figures as one JSON line on stdout. */
async function oneRun(config: ReturnType<typeof loadConfig>, workspace: string, file: string, dryRun: boolean, batchSize: number): Promise<void> {
  const { db, close } = await openDb(config, () => undefined);
  try {
    const cpu = await startCpuClock(config);
    const m = await measured(() => ingestContacts(db, () => fs.createReadStream(file), { workspace, user: USER, dryRun, batchSize }));
    const figures: RunFigures = { summary: m.result, seconds: m.seconds, peakRss: m.peakRss, cpu: cpu.read() };
    console.log(JSON.stringify(figures));
  } finally {
    await close();
  }
}

function generatedConnections(rows: number, seed: number): string {
  const file = path.join(PROJECT_ROOT, ".data", "bench", `linkedin-connections-${rows}-seed${seed}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const random = new Random(seed, "contacts-bench");
  const companies = Array.from({ length: Math.max(1, Math.round(rows / 20)) }, (_, i) => `${random.pick(LAST)} ${random.pick(["Labs", "Systems", "Data", "Works"])} ${i}`);
  const lines = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  ];
  for (let i = 0; i < rows; i += 1) {
    const [first, last] = [random.pick(FIRST), random.pick(LAST)];
    const handle = `${first}-${last}-${i}`.toLowerCase();
    const email = random.chance(0.2) ? `${handle}@mail${i % 97}.example` : "";
    const company = `"${random.pick(companies)}${random.pick(LEGAL)}"`;
    const date = `${String(random.int(1, 28)).padStart(2, "0")} ${random.pick(MONTHS)} ${random.int(2008, 2025)}`;
    lines.push([first, last, `https://www.linkedin.com/in/${handle}`, email, company, random.pick(["Engineer", "VP Sales", "Buyer", "CTO"]), date].join(","));
  }
  fs.writeFileSync(file, `${lines.join("\r\n")}\r\n`);
  return file;
}
