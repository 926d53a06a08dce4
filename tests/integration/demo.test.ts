/**
 * First start: the demo story goes into an empty workspace, and never into
 * one that already holds data.
 */
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_USER_EMAIL } from "../../seed/demo-story.js";
import { loadDemoIfEmpty } from "../../src/graph-document/demo.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const driver = testDriver();
const db = testDb(driver);
const empty = uniqueWorkspace("demo-empty");
const populated = uniqueWorkspace("demo-populated");

afterAll(async () => {
  await wipeWorkspace(driver, empty);
  await wipeWorkspace(driver, populated);
  await driver.close();
});

async function people(workspace: string): Promise<number> {
  const { records } = await driver.executeQuery("MATCH (p:Person {workspace: $workspace}) RETURN count(p) AS n", { workspace }, { database: testTarget().database });
  return records[0]!.get("n").toNumber();
}

describe("loadDemoIfEmpty", () => {
  it("loads the demo story into an empty workspace, once", async () => {
    const first = await loadDemoIfEmpty(db, empty);
    expect(first).toMatchObject({ loaded: true });
    const count = await people(empty);
    expect(count).toBeGreaterThanOrEqual(60);
    const { records } = await driver.executeQuery(
      "MATCH (u:Person:User {workspace: $workspace}) RETURN u.email AS email",
      { workspace: empty },
      { database: testTarget().database },
    );
    expect(records.map((r) => r.get("email"))).toEqual([DEMO_USER_EMAIL]);

    expect(await loadDemoIfEmpty(db, empty)).toEqual({ loaded: false });
    expect(await people(empty)).toBe(count);
  });

  it("leaves a workspace with data alone", async () => {
    expect((await importGraphDocument(db, smallGraph(), { workspace: populated })).ok).toBe(true);
    expect(await loadDemoIfEmpty(db, populated)).toEqual({ loaded: false });
    expect(await people(populated)).toBe(4);
  });
});
