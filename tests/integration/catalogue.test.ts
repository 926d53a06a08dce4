import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CypherCatalogue } from "../../src/db/cypher.js";
import { QUERY_NAMES } from "../../src/db/query-names.js";
import { testDb, testDriver } from "../support/db.js";

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

  it("every named query compiles against the real database", async () => {
    const driver = testDriver();
    const catalogue = CypherCatalogue.load();
    try {
      for (const name of QUERY_NAMES) {
        const { records } = await driver.executeQuery(`EXPLAIN ${catalogue.get(name)}`, {}, { database: testDb(driver).database });
        expect(records, name).toEqual([]);
      }
    } finally {
      await driver.close();
    }
  });
});
