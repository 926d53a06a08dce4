/**
 * Database access for tests: the target the global setup provided, a Db like
 * the server's, and a workspace of the test file's own that is wiped after.
 */
import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { createDriver } from "../../src/db/driver.js";
import { CypherCatalogue } from "../../src/db/cypher.js";
import { Db } from "../../src/db/run.js";

export function testTarget() {
  return inject("neo4j");
}

export function testDriver(): Driver {
  return createDriver(testTarget(), { connectTimeoutMs: 5_000, maxRetryMs: 5_000 });
}

export function testDb(driver: Driver): Db {
  return new Db(driver, CypherCatalogue.load(), { database: testTarget().database, txTimeoutMs: 30_000, maxRetryMs: 5_000 });
}

/** A workspace name no other test file uses. */
export function uniqueWorkspace(label: string): string {
  return `test-${label}-${randomUUID().slice(0, 8)}`;
}

export async function wipeWorkspace(driver: Driver, workspace: string): Promise<void> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = driver.session({ database: testTarget().database });
  try {
    await session.run("MATCH (n {workspace: $workspace}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", { workspace });
  } finally {
    await session.close();
  }
}
