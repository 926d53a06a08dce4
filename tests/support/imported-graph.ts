/**
 * A generated graph (tests/differential/graphs.ts) imported into a workspace
 * of its own before a test file's tests, with its viewer's id, and wiped
 * after them. Call it at the top of the file: it registers the hooks.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { differentialGraph } from "../differential/graphs.js";
import { personIdOf, viewerOf } from "../differential/viewer.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "./db.js";

export function importedGraph(label: string, seed: number, people: number) {
  const workspace = uniqueWorkspace(label);
  const driver = testDriver();
  const imported = { workspace, driver, db: testDb(driver), graph: differentialGraph(seed, people), viewerId: "" };
  beforeAll(async () => {
    expect((await importGraphDocument(imported.db, imported.graph.document, { workspace })).ok).toBe(true);
    imported.viewerId = await personIdOf(imported.db, workspace, viewerOf(imported.graph.normalized));
  }, 120_000);
  afterAll(async () => {
    await wipeWorkspace(driver, workspace);
    await driver.close();
  });
  return imported;
}
