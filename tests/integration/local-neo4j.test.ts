/**
 * The launcher itself: a second local Neo4j on a store and port of its own,
 * written to, stopped, started again — the data must still be there.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig, localNeo4jTarget } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from "../../src/db/local-neo4j.js";

const settings = {
  ...loadConfig({}).localNeo4j,
  boltPort: 7689 + Math.floor(Math.random() * 200),
  heap: "512m",
  pageCache: "128m",
  homeDir: fs.mkdtempSync(path.join(os.tmpdir(), "rapport-neo4j-")),
};

async function query(cypher: string): Promise<unknown[]> {
  const driver = createDriver(localNeo4jTarget(settings), { connectTimeoutMs: 3_000, maxRetryMs: 3_000 });
  try {
    const { records } = await driver.executeQuery(cypher);
    return records.map((record) => record.get(0));
  } finally {
    await driver.close();
  }
}

afterAll(async () => {
  await stopLocalNeo4j(settings);
  fs.rmSync(settings.homeDir, { recursive: true, force: true });
});

describe("the local Neo4j", () => {
  it("starts, keeps its data across a clean restart, and reports its status", async () => {
    const first = await startLocalNeo4j(settings);
    expect(first.started).toBe(true);
    expect((await startLocalNeo4j(settings)).started).toBe(false);
    await query("CREATE (:Probe {value: 'kept'})");

    expect(await stopLocalNeo4j(settings)).toEqual({ stopped: true });
    expect((await localNeo4jStatus(settings)).running).toBe(false);

    await startLocalNeo4j(settings);
    expect(await query("MATCH (p:Probe) RETURN p.value")).toEqual(["kept"]);
    expect(fs.readFileSync(path.join(settings.homeDir, "launcher.log"), "utf8")).toContain("ready on bolt://127.0.0.1:");
  }, 180_000);
});
