/**
 * `npm run import` and `npm run export` work on the workspace `npm start`
 * serves (RAPPORT_WORKSPACE) unless told another, so a newcomer's first
 * import shows up in the server they are looking at.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { smallGraph } from "../fixtures/small-graph.js";
import { runScript, testNeo4jEnv } from "../support/cli.js";
import { testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const workspace = uniqueWorkspace("cli-workspace");
const driver = testDriver();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-cli-workspace-"));

afterAll(async () => {
  await wipeWorkspace(driver, workspace);
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("import and export default to RAPPORT_WORKSPACE", async () => {
  const file = path.join(dir, "graph.json");
  fs.writeFileSync(file, JSON.stringify(smallGraph()));
  const env = { ...testNeo4jEnv(), RAPPORT_WORKSPACE: workspace };
  const imported = await runScript("src/cli/import.ts", [file], env, 60_000);
  expect([imported.code, imported.stdout]).toEqual([0, expect.stringContaining(`into workspace "${workspace}"`)]);
  const exported = await runScript("src/cli/export.ts", [], env, 60_000);
  expect([exported.code, exported.stderr]).toEqual([0, expect.stringContaining(`exported workspace "${workspace}"`)]);
  const document = JSON.parse(exported.stdout);
  expect(document.people.map((person: { email: string }) => person.email).sort()).toEqual(smallGraph().people.map((person) => person.email.toLowerCase()).sort());
});
