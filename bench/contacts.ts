/**
 * npm run bench -- contacts [--rows 100000] [--seed 1] [--batch-size N] [--keep]
 *
 * Ingests a generated LinkedIn Connections.csv (notes above the header, most
 * rows without an email, companies written several ways; written once into
 * .data/bench/ and reused) into an empty workspace of the configured Neo4j,
 * as `npm run ingest -- contacts` does, and prints: reading and checking
 * alone (a dry run: no write), the ingestion, and the same file again (which
 * changes nothing), each with rows/s and the process's peak RSS while it ran.
 * The workspace is wiped afterwards unless --keep.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Random } from "../seed/generator/random.js";
import { loadConfig, PROJECT_ROOT } from "../src/config.js";
import { openDb } from "../src/db/open.js";
import { forLongWrites, importGraphDocument } from "../src/graph-document/import.js";
import { DEFAULT_CONTACTS_BATCH, ingestContacts, type ContactsSummary } from "../src/ingest/contacts/ingest-contacts.js";
import { measured } from "./ingest.js";
import { wipeWorkspace } from "./wipe.js";

const USER = "ann.lee@acme.io";
const FIRST = ["Ana", "Ben", "Cara", "Dev", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jun", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya"];
const LAST = ["Souza", "Okafor", "Lind", "Patel", "Cohen", "Haddad", "Novak", "Sato", "Petrov", "Kim", "Mensah", "Berg", "Rossi", "Diallo"];
const LEGAL = ["", " Inc.", ", Inc.", " Ltd", " LLC", " GmbH", " AG", " S.A."];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export async function contactsBenchmark(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: "string", default: "100000" },
      seed: { type: "string", default: "1" },
      "batch-size": { type: "string", default: String(DEFAULT_CONTACTS_BATCH) },
      keep: { type: "boolean", default: false },
    },
  });
  const [rows, seed, batchSize] = [Number(values.rows), Number(values.seed), Number(values["batch-size"])];
  const file = generatedConnections(rows, seed);
  const config = forLongWrites(loadConfig());
  const { db, close } = await openDb(config, (line) => console.error(line));
  const workspace = `bench-contacts-${Date.now()}`;
  try {
    const imported = await importGraphDocument(db, { version: 2, people: [{ email: USER }], users: [{ email: USER }] }, { workspace });
    if (!imported.ok) throw new Error(imported.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    const run = (dryRun: boolean) => measured(() => ingestContacts(db, fs.readFileSync(file, "utf8"), { workspace, user: USER, dryRun, batchSize }));
    const checking = await run(true);
    const ingesting = await run(false);
    const again = await run(false);

    const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
    const line = (label: string, m: { result: ContactsSummary; seconds: number; peakRss: number }) =>
      console.log(`${label.padEnd(28)}${m.seconds.toFixed(1).padStart(9)}${Math.round(m.result.rows / m.seconds).toLocaleString("en-US").padStart(10)}${mib(m.peakRss).padStart(11)}`);
    console.log(`\ncontacts: a generated LinkedIn export of ${rows.toLocaleString("en-US")} rows (${mib(fs.statSync(file).size)}), seed ${seed}, batch size ${batchSize}`);
    console.log(`${"".padEnd(28)}${"seconds".padStart(9)}${"rows/s".padStart(10)}${"peak RSS".padStart(11)}`);
    line("read + check (dry run)", checking);
    line("ingest (read, check, write)", ingesting);
    line("the same file again", again);
    const s = ingesting.result;
    console.log(`valid ${s.valid}, invalid ${s.invalid.count}; people new ${s.peopleCreated}, companies new ${s.companiesCreated}, connections ${s.connectionsCreated}`);
    console.log(`again: people new ${again.result.peopleCreated}, companies new ${again.result.companiesCreated}, connections ${again.result.connectionsCreated}`);
    console.log("goals: at least 5,000 rows/s and under 500 MiB peak RSS for the ingest");
    if (!values.keep) await wipeWorkspace(db.driver, db.database, workspace);
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
