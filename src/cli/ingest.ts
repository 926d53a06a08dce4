/**
 * npm run ingest -- mail FILE|DIR... --workspace W --user EMAIL [--dry-run] [--batch-size N]
 * npm run ingest -- calendar FILE.ics... --workspace W --user EMAIL [--dry-run] [--batch-size N]
 *
 * Reads a team member's mail (mbox files, .eml files, or folders of them) or
 * calendars (.ics) and records the interactions they are evidence of
 * (src/ingest/ingest.ts). Each skipped message or event is printed on stderr
 * with its position and the reason as it is met, progress too; the summary
 * goes to stdout.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { openDb } from "../db/open.js";
import { forLongWrites } from "../graph-document/import.js";
import { DEFAULT_INGEST_BATCH, ingest, type IngestSummary } from "../ingest/ingest.js";
import type { Skipped } from "../ingest/records.js";
import { INGEST_KINDS, itemsOf, type IngestKind } from "../ingest/sources.js";
import { runCli, tellServers, UsageError } from "./run-cli.js";

const USAGE = [
  "usage: npm run ingest -- mail FILE|DIR... --workspace W --user EMAIL [--dry-run] [--batch-size N]",
  "       npm run ingest -- calendar FILE.ics... --workspace W --user EMAIL [--dry-run] [--batch-size N]",
].join("\n");

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      workspace: { type: "string" },
      user: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      "batch-size": { type: "string", default: String(DEFAULT_INGEST_BATCH) },
    },
  });
  const [kind, ...paths] = positionals;
  const batchSize = Number(values["batch-size"]);
  if (!INGEST_KINDS.includes(kind as IngestKind) || paths.length === 0) throw new UsageError(USAGE);
  if (values.workspace === undefined || values.user === undefined) throw new UsageError(`--workspace and --user are required\n${USAGE}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size must be a positive integer\n${USAGE}`);

  const config = forLongWrites(loadConfig());
  const { db, close } = await openDb(config, (line) => console.error(line));
  try {
    const summary = await ingest(db, itemsOf(kind as IngestKind, paths.map((path) => ({ path })), new Date()), {
      workspace: values.workspace,
      user: values.user,
      dryRun: values["dry-run"],
      batchSize,
      halfLifeDays: config.relationships.halfLifeDays,
      progress: (line) => console.error(line),
      onSkipped: (skipped) => console.error(`skipped ${describe(skipped)}`),
    }).finally(() => values["dry-run"] || tellServers(db, values.workspace!));
    printSummary(kind as IngestKind, summary, values.workspace);
    return 0;
  } finally {
    await close();
  }
});

function describe({ position, reason }: Skipped): string {
  const where = position.index > 0 ? `${position.source} #${position.index}` : position.source;
  return `${where}${position.id ? ` <${position.id}>` : ""}: ${reason}`;
}

function printSummary(kind: IngestKind, s: IngestSummary, workspace: string): void {
  const items = kind === "mail" ? "messages" : "meeting occurrences";
  const lines = [
    `${items} read          ${s.read}`,
    `interactions           ${s.interactions}${s.dryRun ? " (dry run: nothing written)" : `  recorded ${s.recorded}, already known ${s.alreadyKnown}`}`,
    `automated (no record)  ${s.automated}`,
    `no team contact        ${s.withoutTeamContact}`,
    `skipped                ${s.skipped.count}`,
    ...(s.dryRun ? [] : [
      `people created         ${s.peopleCreated}`,
      `companies created      ${s.companiesCreated}`,
      `pairs weighed          ${s.pairs}  connected ${s.connected}`,
    ]),
    `${s.dryRun ? "read" : "ingested"} into workspace "${workspace}" in ${s.seconds}s`,
  ];
  for (const line of lines) console.log(line);
}
