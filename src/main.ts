/**
 * Boot: configuration → Neo4j (started locally when no NEO4J_URI is given) →
 * migrations → Cypher catalogue → HTTP server. Any failure on the way stops
 * start-up with one clear message. SIGTERM/SIGINT stop accepting requests,
 * let in-flight ones finish, and close the driver.
 */
import { loadConfig } from "./config.js";
import { connect } from "./db/connect.js";
import { CypherCatalogue } from "./db/cypher.js";
import { Db } from "./db/run.js";
import { createLogger } from "./logger.js";
import { startServer } from "./server.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const booted = performance.now();
  const { driver, target, migrations } = await connect(config, (line) => logger.info(line));
  logger.info({ neo4j: target.uri, applied: migrations.applied, alreadyApplied: migrations.alreadyApplied.length }, "migrations");
  const db = new Db(driver, CypherCatalogue.load(), { database: target.database, txTimeoutMs: config.neo4jTxTimeoutMs });
  const server = await startServer({ config, db, logger });
  logger.info({ url: server.url, workspace: config.workspace, bootMs: Math.round(performance.now() - booted) }, `Rapport is serving ${server.url}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    await server.stop();
    await driver.close();
    logger.info("stopped");
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`Rapport could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
