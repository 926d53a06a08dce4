/**
 * A real Rapport server for end-to-end tests: the same startServer as
 * `npm start`, on a free port, against the test Neo4j (or a given target),
 * serving one workspace. Requests go through HTTP like a client's.
 */
import type { Driver } from "neo4j-driver";
import { loadConfig, type Neo4jTarget } from "../../src/config.js";
import { CypherCatalogue } from "../../src/db/cypher.js";
import { createDriver } from "../../src/db/driver.js";
import { Db } from "../../src/db/run.js";
import { createLogger } from "../../src/logger.js";
import { startServer } from "../../src/server.js";
import { testTarget } from "./db.js";

export interface TestServer {
  url: string;
  origin: string;
  driver: Driver;
  stop(): Promise<void>;
}

export async function startTestServer(workspace: string, target: Neo4jTarget = testTarget()): Promise<TestServer> {
  const config = { ...loadConfig({ LOG_LEVEL: "silent", NEO4J_CONNECT_TIMEOUT_MS: "1000", NEO4J_MAX_RETRY_MS: "1000" }), port: 0, workspace };
  const driver = createDriver(target, { connectTimeoutMs: config.neo4jConnectTimeoutMs, maxRetryMs: config.neo4jMaxRetryMs });
  const db = new Db(driver, CypherCatalogue.load(), { database: target.database, txTimeoutMs: config.neo4jTxTimeoutMs });
  const server = await startServer({ config, db, logger: createLogger("silent") });
  return {
    url: server.url,
    origin: server.url.replace(/\/graphql$/, ""),
    driver,
    stop: async () => {
      await server.stop();
      await driver.close();
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; [key: string]: unknown } }[];
}

export async function gql<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}
