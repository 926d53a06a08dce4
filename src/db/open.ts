/**
 * A Db for the server and command-line tools: connect (starting the local
 * Neo4j when no NEO4J_URI is given), migrate, load the Cypher catalogue (a
 * missing file stops here); and a way to close it.
 */
import type { Config } from "../config.js";
import { connect } from "./connect.js";
import { CypherCatalogue } from "./cypher.js";
import { Db } from "./run.js";

export async function openDb(config: Config, say: (line: string) => void): Promise<{ db: Db; close: () => Promise<void> }> {
  const { driver, target, migrations } = await connect(config, say);
  say(`migrations: ${migrations.applied.length} applied${migrations.applied.length ? ` (${migrations.applied.join(", ")})` : ""}, ${migrations.alreadyApplied.length} already applied`);
  const db = new Db(driver, CypherCatalogue.load(), { database: target.database, txTimeoutMs: config.neo4jTxTimeoutMs, maxRetryMs: config.neo4jMaxRetryMs });
  return { db, close: () => driver.close() };
}
