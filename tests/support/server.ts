/**
 * A real Rapport server for end-to-end tests: the same startServer as
 * `npm start`, on a free port, against the test Neo4j (or a given target),
 * serving one workspace. Requests go through HTTP like a client's. By default
 * it runs in dev-auth mode, so a request without credentials acts as the demo
 * user of `workspace`; `env` sets anything else (RAPPORT_AUTH, JWT settings,
 * limits, NODE_ENV=production …) exactly as the environment would.
 */
import type { Driver } from "neo4j-driver";
import { loadConfig, type Env, type Neo4jTarget } from "../../src/config.js";
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
  /** Neo4j sessions opened so far, by requests or anything else: a real count, from the driver this server uses. */
  sessions(): number;
  /** The plans asked to be warmed so far have been (src/plans/warm.ts). */
  plansWarmed(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestServer(workspace: string, target: Neo4jTarget = testTarget(), env: Env = {}): Promise<TestServer> {
  const config = {
    // Admission control's short queue is tested where a test asks for it (tests/e2e/load.test.ts); elsewhere a
    // test machine busy with the rest of the suite must not turn a test's requests away as an overloaded server would.
    ...loadConfig({
      LOG_LEVEL: "silent", NEO4J_CONNECT_TIMEOUT_MS: "1000", NEO4J_MAX_RETRY_MS: "1000", RAPPORT_AUTH: "dev",
      RAPPORT_QUEUE_TIMEOUT_MS: "60000", RAPPORT_MAX_QUEUED_QUERIES: "1000",
      // Planning every saved segment of the shared test database at each server's start would load it for nothing;
      // tests/e2e/plan-warming.test.ts turns it on.
      RAPPORT_WARM_PLANS_SECONDS: "0", ...env,
    }),
    port: 0,
    workspace,
  };
  const driver = createDriver(target, { connectTimeoutMs: config.neo4jConnectTimeoutMs, maxRetryMs: config.neo4jMaxRetryMs });
  let sessions = 0;
  const openSession = driver.session.bind(driver);
  driver.session = (options) => {
    sessions += 1;
    return openSession(options);
  };
  const db = new Db(driver, CypherCatalogue.load(), { database: target.database, txTimeoutMs: config.neo4jTxTimeoutMs, maxRetryMs: config.neo4jMaxRetryMs });
  const server = await startServer({ config, db, logger: createLogger("silent") });
  return {
    url: server.url,
    origin: server.url.replace(/\/graphql$/, ""),
    driver,
    sessions: () => sessions,
    plansWarmed: () => server.plans.idle(),
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

export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  return (await post<T>(url, { query, variables }, headers)).body as GraphQLResponse<T>;
}

/** A raw POST: the HTTP status and headers too, and any body (a batch is an array). */
export async function post<T = Record<string, any>>(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T> | GraphQLResponse<T>[] };
}

export const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });
