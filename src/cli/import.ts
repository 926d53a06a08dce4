/**
 * npm run import -- FILE.json [--workspace NAME] [--dry-run] [--batch-size N] [--concurrency N]
 * The workspace is the one `npm start` serves (RAPPORT_WORKSPACE, default
 * demo) unless --workspace names another, so a first import shows up.
 * FILE may be `-` for standard input. Every problem in the document is listed
 * with its JSON path and nothing is written; otherwise progress goes to stderr
 * and a summary of what was created and what already existed to stdout.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { openDb } from "../db/open.js";
import { fileDocument, spooledDocument, type DocumentSource } from "../graph-document/document-source.js";
import { DocumentSyntaxError } from "../graph-document/document-tokens.js";
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, forLongWrites, importDocument } from "../graph-document/import.js";
import { runCli, tellServers, UsageError } from "./run-cli.js";

const USAGE = "usage: npm run import -- FILE.json|- [--workspace NAME] [--dry-run] [--batch-size N] [--concurrency N]";

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      workspace: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      "batch-size": { type: "string", default: String(DEFAULT_BATCH_SIZE) },
      concurrency: { type: "string", default: String(DEFAULT_CONCURRENCY) },
    },
  });
  const file = positionals[0];
  const batchSize = Number(values["batch-size"]);
  const concurrency = Number(values.concurrency);
  if (positionals.length !== 1 || !file) throw new UsageError(USAGE);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size must be a positive integer\n${USAGE}`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 8) throw new UsageError(`--concurrency must be an integer from 1 to 8\n${USAGE}`);

  if (file !== "-") checkReadable(file);
  const config = loadConfig();
  const workspace = values.workspace ?? config.workspace;
  const { db, close } = await openDb(forLongWrites(config), (line) => console.error(line));
  try {
    const options = { workspace, dryRun: values["dry-run"], batchSize, concurrency, progress: (line: string) => console.error(line) };
    const run = (document: DocumentSource) => importDocument(db, document, options);
    const result = await (file === "-" ? spooledDocument(process.stdin, run) : run(fileDocument(file)))
      .catch((error: unknown) => {
        throw error instanceof DocumentSyntaxError ? new UsageError(`${file} is not valid JSON: ${error.message}`) : error;
      })
      .finally(() => values["dry-run"] || tellServers(db, workspace));
    if (!result.ok) {
      for (const problem of result.problems) console.error(`${problem.path}: ${problem.message}`);
      console.error(`${result.problems.length} problem(s); nothing was written`);
      return 1;
    }
    const verb = result.dryRun ? "would write" : "wrote";
    for (const step of result.steps) {
      const rate = step.seconds > 0 ? `, ${Math.round(step.records / step.seconds)} records/s` : "";
      const time = step.writtenWith ? `written with ${step.writtenWith}` : `${step.seconds}s${rate}`;
      console.log(`${step.step.padEnd(18)} ${String(step.records).padStart(9)}${result.dryRun ? "" : `  created ${step.created}, already there ${step.existed}${step.rewritten ? `, ${step.rewritten} written again by key` : ""} (${time})`}`);
    }
    const records = result.steps.reduce((sum, step) => sum + step.records, 0);
    console.log(`${verb} ${records} records into workspace "${workspace}" in ${result.seconds}s`);
    return 0;
  } finally {
    await close();
  }
});

function checkReadable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
