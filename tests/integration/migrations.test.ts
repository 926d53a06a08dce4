import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError, readMigrations } from "../../src/db/migrate.js";
import { testDriver, testTarget } from "../support/db.js";

const driver = testDriver();
const suffix = randomUUID().slice(0, 8).replace(/-/g, "");
const label = `MigrationProbe${suffix}`;
const names: string[] = [];

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-migrations-"));
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, `${name}.cypher`), text);
    names.push(name);
  }
  return dir;
}

afterAll(async () => {
  await driver.executeQuery("MATCH (m:Migration) WHERE m.name IN $names DETACH DELETE m", { names }, { database: testTarget().database });
  await driver.executeQuery(`DROP INDEX probe_${suffix} IF EXISTS`, {}, { database: testTarget().database });
  await driver.close();
});

describe("applyMigrations", () => {
  it("has applied the project's migrations, recorded in the graph", async () => {
    const { records } = await driver.executeQuery("MATCH (m:Migration) RETURN m.name AS name", {}, { database: testTarget().database });
    const recorded = records.map((r) => r.get("name"));
    for (const migration of readMigrations()) expect(recorded).toContain(migration.name);
  });

  it("applies a new migration once, then reports it as already applied", async () => {
    const dir = migrationsDir({ [`901-probe-${suffix}`]: `CREATE INDEX probe_${suffix} IF NOT EXISTS FOR (n:${label}) ON (n.x);\n` });
    const first = await applyMigrations(driver, testTarget().database, readMigrations(dir));
    expect(first.applied).toEqual([`901-probe-${suffix}`]);
    const second = await applyMigrations(driver, testTarget().database, readMigrations(dir));
    expect(second).toEqual({ applied: [], alreadyApplied: [`901-probe-${suffix}`] });
    const { records } = await driver.executeQuery("SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n", { name: `probe_${suffix}` }, { database: testTarget().database });
    expect(records[0]?.get("n").toNumber()).toBe(1);
  });

  it("refuses a migration edited after it was applied", async () => {
    const dir = migrationsDir({ [`901-probe-${suffix}`]: `// edited\nCREATE INDEX probe_${suffix} IF NOT EXISTS FOR (n:${label}) ON (n.x);\n` });
    await expect(applyMigrations(driver, testTarget().database, readMigrations(dir))).rejects.toThrow(
      `migration 901-probe-${suffix} was changed after it was applied`,
    );
  });

  it("stops at a failing statement, names it, and records nothing for that file", async () => {
    const name = `902-broken-${suffix}`;
    const dir = migrationsDir({ [name]: "RETURN 1;\nTHIS IS NOT CYPHER;\n" });
    const attempt = applyMigrations(driver, testTarget().database, readMigrations(dir));
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(`migration ${name} failed at statement 2`);
    const { records } = await driver.executeQuery("MATCH (m:Migration {name: $name}) RETURN count(m) AS n", { name }, { database: testTarget().database });
    expect(records[0]?.get("n").toNumber()).toBe(0);
  });
});
