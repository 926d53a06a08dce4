/**
 * The HTTP server: Apollo Server with the SDL of ../schema.graphql on
 * POST /graphql, and the health endpoints. Cross-cutting concerns are Apollo
 * plugins; errors are masked by errors.ts; stack traces never leave.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { PROJECT_ROOT, type Config } from "./config.js";
import { createRequestContext, type RequestContext } from "./context.js";
import type { Db } from "./db/run.js";
import { maskError } from "./errors.js";
import { healthHandler, readyHandler } from "./http/health.js";
import type { Logger } from "./logger.js";
import { requestLogPlugin } from "./plugins/request-log.js";
import { resolvers } from "./resolvers/index.js";

export const SCHEMA_FILE = path.join(PROJECT_ROOT, "schema.graphql");

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

export interface ServerDeps {
  config: Config;
  db: Db;
  logger: Logger;
}

export async function startServer({ config, db, logger }: ServerDeps): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = createApolloServer(logger, [
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
  ]);
  await apollo.start();

  app.disable("x-powered-by");
  app.get("/health", healthHandler);
  app.get("/ready", readyHandler(db.driver, db.database));
  app.use(
    "/graphql",
    express.json({ limit: config.requestBodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req.headers["x-request-id"]);
        res.setHeader("x-request-id", requestId);
        return createRequestContext(db, requestId, config.workspace);
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  return { url: `http://${config.host}:${port}/graphql`, port, stop: () => apollo.stop() };
}

/** The GraphQL server without HTTP: also what tests use to execute operations in-process. */
export function createApolloServer(logger: Logger, plugins: ApolloServerPlugin<RequestContext>[] = []): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    typeDefs: fs.readFileSync(SCHEMA_FILE, "utf8"),
    resolvers,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // main.ts owns the signals: it stops the server and then closes the driver.
    stopOnTerminationSignals: false,
    plugins: [...plugins, requestLogPlugin(logger)],
  });
}

/** A caller's own request id is kept when it is a sane token, so logs can be joined across services. */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}
