/**
 * `npm run ingest -- contacts …` (see cli/ingest.ts): each file read and
 * written on its own, all or nothing per file; bad rows on stderr, a summary
 * per file on stdout. Exits 1 when a file had bad rows, written or not.
 */
import fs from "node:fs";
import { loadConfig } from "../config.js";
import { openDb } from "../db/open.js";
import { forLongWrites } from "../graph-document/import.js";
import { CONTACTS_FORMATS, parseMapping, type ContactsFormat } from "../ingest/contacts/contact-row.js";
import { ingestContacts, type ContactsSummary } from "../ingest/contacts/ingest-contacts.js";
import { tellServers, UsageError } from "./run-cli.js";

interface ContactsArgs {
  workspace: string;
  user?: string;
  format?: string;
  map?: string;
  "skip-invalid"?: boolean;
  "dry-run"?: boolean;
  "batch-size"?: string;
}

export async function ingestContactsFiles(paths: string[], args: ContactsArgs, usage: string): Promise<number> {
  if (args.format !== undefined && !(CONTACTS_FORMATS as readonly string[]).includes(args.format)) {
    throw new UsageError(`--format must be one of ${CONTACTS_FORMATS.join(", ")}\n${usage}`);
  }
  const batchSize = args["batch-size"] === undefined ? undefined : Number(args["batch-size"]);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) throw new UsageError(`--batch-size must be a positive integer\n${usage}`);
  const mapping = parseMapping(args.map);
  const config = forLongWrites(loadConfig());
  const { db, close } = await openDb(config, (line) => console.error(line));
  let failed = false;
  try {
    for (const path of paths) {
      const summary = await ingestContacts(db, () => fs.createReadStream(path), {
        workspace: args.workspace, user: args.user ?? null, format: args.format as ContactsFormat | undefined, mapping,
        skipInvalid: args["skip-invalid"], dryRun: args["dry-run"], batchSize,
      });
      if (summary.written) await tellServers(db, args.workspace);
      for (const p of summary.invalid.listed) console.error(`${path} line ${p.line}${p.column === null ? "" : `, column ${p.column}`}: ${p.message}`);
      printSummary(path, summary, args.workspace);
      failed ||= summary.invalid.count > 0;
    }
  } finally {
    await close();
  }
  return failed ? 1 : 0;
}

function printSummary(path: string, s: ContactsSummary, workspace: string): void {
  const outcome = s.dryRun ? "dry run: nothing written" : s.written ? `written into workspace "${workspace}"` : "NOTHING WRITTEN: fix the rows above, or use --skip-invalid";
  const lines = [
    `${path} (${s.format})`,
    `rows                   ${s.rows}  valid ${s.valid}, invalid ${s.invalid.count}`,
    `people new             ${s.peopleCreated}`,
    `companies new          ${s.companiesCreated}`,
    `connections created    ${s.connectionsCreated}`,
    `${outcome} in ${s.seconds}s`,
  ];
  for (const line of lines) console.log(line);
}
