/**
 * The Neo4j the suite runs against, in the project's order of preference:
 * NEO4J_URI when set; else Testcontainers' Neo4j module when a Docker engine
 * answers; else the local launcher, on a port and store of its own
 * (NEO4J_TEST_BOLT_PORT, default 7688; .data/neo4j-test) so a test run never
 * touches the data of `npm start`. What this setup started, it stops.
 * Migrations are applied once here; test files receive the target by inject().
 */
import path from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig, localNeo4jTarget, type Neo4jTarget } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { startLocalNeo4j, stopLocalNeo4j } from "../../src/db/local-neo4j.js";
import { applyMigrations } from "../../src/db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Neo4jTarget;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { target, teardown } = await startNeo4j();
  const driver = createDriver(target, { connectTimeoutMs: 5_000, maxRetryMs: 5_000 });
  try {
    await applyMigrations(driver, target.database);
  } finally {
    await driver.close();
  }
  project.provide("neo4j", target);
  return teardown;
}

async function startNeo4j(): Promise<{ target: Neo4jTarget; teardown: () => Promise<void> }> {
  const config = loadConfig();
  if (config.externalNeo4j) {
    log(`using NEO4J_URI ${config.externalNeo4j.uri}`);
    return { target: config.externalNeo4j, teardown: async () => {} };
  }
  const container = await startContainerIfDockerAnswers();
  if (container) return container;

  const settings = {
    ...config.localNeo4j,
    boltPort: Number(process.env.NEO4J_TEST_BOLT_PORT ?? 7688),
    heap: "1g",
    pageCache: "512m",
    homeDir: path.join(path.dirname(config.localNeo4j.homeDir), "neo4j-test"),
  };
  const status = await startLocalNeo4j(settings, log);
  log(`${status.started ? "started" : "reusing"} the local test Neo4j at ${status.uri}`);
  return {
    target: localNeo4jTarget(settings),
    teardown: async () => {
      if (status.started) await stopLocalNeo4j(settings);
    },
  };
}

async function startContainerIfDockerAnswers(): Promise<{ target: Neo4jTarget; teardown: () => Promise<void> } | undefined> {
  const { getContainerRuntimeClient } = await import("testcontainers");
  try {
    await getContainerRuntimeClient();
  } catch {
    return undefined;
  }
  const { Neo4jContainer } = await import("@testcontainers/neo4j");
  const container = await new Neo4jContainer("neo4j:5.26-community").withPassword("rapport-test").start();
  log(`started a Neo4j container at ${container.getBoltUri()}`);
  return {
    target: { uri: container.getBoltUri(), username: container.getUsername(), password: container.getPassword(), database: undefined },
    teardown: async () => {
      await container.stop();
    },
  };
}

function log(line: string): void {
  console.error(`[neo4j] ${line}`);
}
