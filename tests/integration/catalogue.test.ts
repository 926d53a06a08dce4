import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CypherCatalogue } from "../../src/db/cypher.js";
import { QUERIES, QUERY_NAMES } from "../../src/db/query-names.js";
import { testDb, testDriver } from "../support/db.js";

interface PlanStep {
  operatorType: string;
  arguments: { Details?: string };
  children: PlanStep[];
}

/**
 * Steps that find a node by its key (email, profile URL, id, domain, key,
 * url) by reading every node of the workspace and filtering: what Neo4j plans
 * for a lookup without an index hint while the label is nearly empty, and
 * keeps in its plan cache as the workspace grows (cypher/README.md). The
 * test database holds little, so a lookup left without its hint is planned
 * that way here; a hinted one never is, whatever the database holds.
 */
function keyLookupsByScan(step: PlanStep): string[] {
  const filter = step.operatorType.startsWith("Filter") ? step.arguments.Details ?? "" : "";
  const onKey = /^(cache\[)?\w+\.(email|profileUrl|id|domain|key|url)\]? (=|IN) /.test(filter);
  const found = step.children.flatMap((child) => {
    const scansWorkspace = child.operatorType.startsWith("NodeIndexSeek") && /\(workspace\) WHERE workspace = \$workspace$/.test(child.arguments.Details ?? "");
    return onKey && scansWorkspace ? [`${filter} over ${child.arguments.Details}`] : [];
  });
  return [...found, ...step.children.flatMap(keyLookupsByScan)];
}

/**
 * Steps that filter by element id: a lookup by id planned as a read of
 * something larger (a label, the workspace) and then filtered, rather than
 * as a seek by the id.
 */
function idLookupsByFilter(step: PlanStep): string[] {
  const filter = step.operatorType.startsWith("Filter") ? step.arguments.Details ?? "" : "";
  return [...(filter.includes("elementId(") ? [filter] : []), ...step.children.flatMap(idLookupsByFilter)];
}

describe("CypherCatalogue", () => {
  it("loads every listed query from cypher/", () => {
    const catalogue = CypherCatalogue.load();
    for (const name of QUERY_NAMES) expect(catalogue.get(name).length).toBeGreaterThan(0);
  });

  it("stops boot when a listed query has no file, or a file is not listed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-cypher-"));
    fs.mkdirSync(path.join(dir, "person"));
    fs.writeFileSync(path.join(dir, "person", "stray.cypher"), "RETURN 1");
    expect(() => CypherCatalogue.load(dir)).toThrow(/missing Cypher file: .*\/person\/by-ids\.cypher/);
    expect(() => CypherCatalogue.load(dir)).toThrow(/\/person\/stray\.cypher is not listed in src\/db\/query-names\.ts/);
  });

  it("every named query compiles against the real database, returns the columns its rows are declared with, and finds a node by its key through the key's index, by its id through a seek", async () => {
    const driver = testDriver();
    const catalogue = CypherCatalogue.load();
    try {
      // One EXPLAIN a query: planning is what costs here, and it answers all three.
      for (const name of QUERY_NAMES) {
        const { records, keys, summary } = await driver.executeQuery(`EXPLAIN ${catalogue.get(name)}`, {}, { database: testDb(driver).database });
        expect(records, name).toEqual([]);
        expect(keys, name).toEqual(Object.keys(QUERIES[name]));
        expect(keyLookupsByScan(summary.plan as PlanStep), name).toEqual([]);
        expect(idLookupsByFilter(summary.plan as PlanStep), name).toEqual([]);
      }
    } finally {
      await driver.close();
    }
  });

  it("refuses the rows of a statement that returns other columns than it declares", async () => {
    const driver = testDriver();
    try {
      const db = testDb(driver);
      await expect(db.read({ name: "test/renamed", text: "RETURN 1 AS key, 2 AS items", params: {}, columns: ["key", "item"] }))
        .rejects.toThrow("test/renamed returned the columns (key, items); its rows are declared as (key, item)");
      expect(await db.read({ name: "test/none", text: "UNWIND [] AS x RETURN x AS other", params: {}, columns: ["item"] })).toEqual([]);
    } finally {
      await driver.close();
    }
  });
});
