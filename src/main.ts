/**
 * Boot: configuration → Neo4j (started locally when no NEO4J_URI is given) →
 * migrations → Cypher catalogue → the demo story (into an empty workspace,
 * unless RAPPORT_SEED_DEMO=false) → filter fragments and the HTTP server, the
 * hourly decay of connection strengths (src/relationships/decay.ts) and the
 * removal of old tracking message ids (src/tracking/retention.ts). Any failure on the way stops
 * start-up with one clear message. SIGTERM/SIGINT stop accepting requests,
 * let in-flight ones finish, and close the driver.
 */
import { assertServable, loadConfig } from "./config.js";
import { openDb } from "./db/open.js";
import { loadDemoIfEmpty } from "./graph-document/demo.js";
import { createLogger } from "./logger.js";
import { scheduleDecay } from "./relationships/decay.js";
import { startServer } from "./server.js";
import { scheduleRetention } from "./tracking/retention.js";

async function main(): Promise<void> {
  const config = loadConfig();
  // Before Neo4j is started or touched: a server that may not serve should not get that far.
  assertServable(config);
  const logger = createLogger(config.logLevel);
  const booted = performance.now();
  const { db, close } = await openDb(config, (line) => logger.info(line));
  if (config.seedDemo) {
    const demo = await loadDemoIfEmpty(db, config.workspace);
    if (demo.loaded) logger.info({ workspace: config.workspace, records: demo.records, seconds: demo.seconds }, "loaded the demo story into the empty workspace");
  }
  const server = await startServer({ config, db, logger });
  const stopDecay = scheduleDecay(db, config.relationships, (error) => logger.error({ err: error }, "bringing connection strengths up to date failed"));
  const stopRetention = scheduleRetention(db, config.tracking.keepDays, (error) => logger.error({ err: error }, "removing old tracking message ids failed"));
  logger.info({ url: server.url, workspace: config.workspace, auth: config.auth.mode, jwt: config.auth.jwt !== undefined, bootMs: Math.round(performance.now() - booted) }, `Rapport is serving ${server.url}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    stopDecay();
    stopRetention();
    await server.stop();
    await close();
    logger.info("stopped");
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`Rapport could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
