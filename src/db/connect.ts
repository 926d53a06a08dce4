/**
 * Where the database is, in the order every entry point uses: NEO4J_URI when
 * set (any Bolt or routing URI: a cluster, Aura), else the local Neo4j, which
 * is started when it is not running. (The test suite adds Testcontainers in
 * between; see tests/setup/neo4j.ts.) Connecting verifies the server answers
 * and applies pending migrations.
 */
import type { Driver } from "neo4j-driver";
import { localNeo4jTarget, type Config, type Neo4jTarget } from "../config.js";
import { createDriver } from "./driver.js";
import { startLocalNeo4j } from "./local-neo4j.js";
import { applyMigrations, type MigrationReport } from "./migrate.js";

export interface Connection {
  driver: Driver;
  target: Neo4jTarget;
  migrations: MigrationReport;
}

export async function resolveNeo4jTarget(config: Config, say: (line: string) => void): Promise<Neo4jTarget> {
  if (config.externalNeo4j) return config.externalNeo4j;
  const status = await startLocalNeo4j(config.localNeo4j, say);
  say(status.started ? `started the local Neo4j at ${status.uri}` : `using the local Neo4j at ${status.uri}`);
  return localNeo4jTarget(config.localNeo4j);
}

export async function connect(config: Config, say: (line: string) => void, target?: Neo4jTarget): Promise<Connection> {
  const resolved = target ?? (await resolveNeo4jTarget(config, say));
  const driver = createDriver(resolved, { connectTimeoutMs: config.neo4jConnectTimeoutMs, maxRetryMs: config.neo4jMaxRetryMs, maxPoolSize: config.neo4jMaxPoolSize });
  try {
    await driver.verifyConnectivity({ database: resolved.database });
    const migrations = await applyMigrations(driver, resolved.database);
    return { driver, target: resolved, migrations };
  } catch (error) {
    await driver.close();
    throw error;
  }
}
