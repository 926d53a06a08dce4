/**
 * npm run db:start | db:stop | db:status — the local Neo4j, by hand.
 * `npm start` and `npm test` start it themselves when they need it.
 */
import { loadConfig } from "../config.js";
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from "../db/local-neo4j.js";
import { runCli } from "./run-cli.js";

runCli(async () => {
  const command = process.argv[2];
  const config = loadConfig();
  const settings = config.localNeo4j;
  const say = (line: string) => console.error(line);
  if (config.externalNeo4j) say(`note: NEO4J_URI is set (${config.externalNeo4j.uri}); the service uses that, not the local Neo4j`);

  switch (command) {
    case "start": {
      const t0 = Date.now();
      const status = await startLocalNeo4j(settings, say);
      const how = status.started ? `started in ${((Date.now() - t0) / 1000).toFixed(1)}s` : "already running";
      console.log(`Neo4j ${how}: ${status.uri} (pid ${status.pid}, store ${status.homeDir})`);
      return 0;
    }
    case "stop": {
      const { stopped } = await stopLocalNeo4j(settings);
      console.log(stopped ? "Neo4j stopped" : "Neo4j was not running");
      return 0;
    }
    case "status": {
      const status = await localNeo4jStatus(settings);
      console.log(status.running ? `running: ${status.uri} (pid ${status.pid}, store ${status.homeDir})` : `not running (store ${status.homeDir})`);
      return status.running ? 0 : 3;
    }
    default:
      console.error("usage: tsx src/cli/db.ts start|stop|status");
      return 2;
  }
});
