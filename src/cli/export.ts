/**
 * npm run export -- [--workspace NAME] [--out FILE.json|-]
 * The workspace is the one `npm start` serves (RAPPORT_WORKSPACE, default
 * demo) unless --workspace names another.
 * Writes the workspace as a graph document (stdout by default), streamed, so
 * a large workspace never sits in memory whole.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import type { Writable } from "node:stream";
import { loadConfig } from "../config.js";
import { openDb } from "../db/open.js";
import { exportSections } from "../graph-document/export.js";
import { writeGraphDocument } from "../graph-document/write.js";
import { runCli } from "./run-cli.js";

runCli(async () => {
  const { values } = parseArgs({
    options: { workspace: { type: "string" }, out: { type: "string", default: "-" } },
  });
  const config = loadConfig();
  const workspace = values.workspace ?? config.workspace;
  const { db, close } = await openDb(config, (line) => console.error(line));
  const out: Writable = values.out === "-" ? process.stdout : fs.createWriteStream(values.out);
  try {
    const started = performance.now();
    const counts = await writeGraphDocument(exportSections(db, workspace), out);
    if (out !== process.stdout) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const summary = Object.entries(counts).map(([section, count]) => `${section} ${count}`).join(", ");
    console.error(`exported workspace "${workspace}" in ${((performance.now() - started) / 1000).toFixed(1)}s: ${summary}`);
    return 0;
  } finally {
    await close();
  }
});
