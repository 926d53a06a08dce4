/**
 * The HTTP server: Apollo Server with the SDL of ../schema.graphql on
 * /graphql, served on plain node:http (http/graphql-endpoint.ts), and
 * Express for everything else: health, metrics, import/export, segment
 * exports, ingestion, the Segment tracking API and the playground's assets;
 * GraphQL subscriptions over WebSocket on /graphql (http/subscriptions.ts). Every request is authenticated
 * before its context is built; cross-cutting concerns (roles, limits,
 * logging) are Apollo plugins; errors are masked by errors.ts; stack traces
 * never leave.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import express from "express";
import { DEMO_USER_EMAIL } from "../seed/demo-story.js";
import { createAuthenticator } from "./auth/authenticate.js";
import { assertServable, PROJECT_ROOT, type Config } from "./config.js";
import { createRequestContext, type RequestContext } from "./context.js";
import { BOOKMARK_HEADER, bookmarksFromHeader } from "./db/bookmarks.js";
import type { Db } from "./db/run.js";
import { AppError, maskError } from "./errors.js";
import { loadFragments } from "./filters/fragments.js";
import { LONG_WRITE_TX_TIMEOUT_MS } from "./graph-document/import.js";
import { graphDocumentRouter } from "./http/graph-document.js";
import { healthHandler, readyHandler } from "./http/health.js";
import { playground } from "./http/playground.js";
import { segmentExportRouter } from "./http/segment-export.js";
import { ingestRouter } from "./http/ingest.js";
import { trackingRouter } from "./http/tracking.js";
import { graphqlEndpoint, isGraphQLRequest } from "./http/graphql-endpoint.js";
import { sizeInBytes } from "./http/json-body.js";
import type { Logger } from "./logger.js";
import { limitsPlugin } from "./plugins/limits.js";
import { Admission } from "./db/admission.js";
import { RateLimiter } from "./http/rate-limit.js";
import { createMetrics } from "./plugins/metrics.js";
import { persistedQueryErrorsPlugin } from "./plugins/persisted-query-errors.js";
import { requestErrorStatusPlugin } from "./plugins/request-error-status.js";
import { requestLogPlugin } from "./plugins/request-log.js";
import { rolePlugin } from "./plugins/roles.js";
import { graphqlTracingPlugin } from "./plugins/tracing.js";
import { PlanWarmer } from "./plans/warm.js";
import { resolvers } from "./resolvers/index.js";
import { startSignals, type Signals } from "./signals/signals.js";
import type { Execute } from "./signals/evaluate.js";
import { serveSubscriptions } from "./http/subscriptions.js";
import { traceGraphQL, traceHttpRequest } from "./tracing/spans.js";
import { startTracing } from "./tracing/tracing.js";

export const SCHEMA_FILE = path.join(PROJECT_ROOT, "schema.graphql");

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Drains: /ready answers 503 at once, no new connection is accepted,
   * in-flight requests have SHUTDOWN_GRACE_MS to finish; then segments stop
   * being evaluated and webhooks sent, and it resolves (the driver is the
   * caller's to close, last).
   */
  stop(): Promise<void>;
  /** Watched segments and their webhooks (src/signals). */
  signals: Signals;
  /** Plans warmed in the background after start and after a segment is saved (src/plans/warm.ts). */
  plans: PlanWarmer;
}

export interface ServerDeps {
  config: Config;
  db: Db;
  logger: Logger;
}

export async function startServer({ config, db: given, logger }: ServerDeps): Promise<RunningServer> {
  assertServable(config);
  const admission = new Admission(config.admission);
  const db = given.serving(admission, config.requestDbBudgetMs);
  const limiters = {
    graphql: new RateLimiter(config.rateLimits.graphql, "requests to /graphql"),
    tracking: new RateLimiter(config.rateLimits.tracking, "tracking requests"),
    imports: new RateLimiter(config.rateLimits.imports, "imports and ingestions"),
  };
  let draining = false;
  // Before serving: a missing filter fragment stops start-up rather than a request.
  loadFragments();
  const authenticate = await createAuthenticator(config.auth, { workspace: config.workspace, email: DEMO_USER_EMAIL }, db);
  if (config.auth.mode === "dev") {
    logger.warn({ workspace: config.workspace }, `RAPPORT_AUTH=dev: requests without credentials act as the demo user of workspace "${config.workspace}" with the ADMIN role; never use this outside development`);
  }
  const tracing = await startTracing(config.tracing, logger);
  const app = express();
  const metrics = config.metrics ? createMetrics(config.metricsOperations, admission) : undefined;
  const page = config.playground ? playground() : undefined;
  // Its request handler is attached below, once Apollo (which drains this server on stop) has started.
  // A client that is slow to send is cut off: see HttpSettings (config.ts).
  const httpServer = http.createServer({
    headersTimeout: config.http.headersTimeoutMs,
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    // Node checks the two timeouts above only this often (30 s by default).
    connectionsCheckingInterval: Math.min(1_000, config.http.headersTimeoutMs),
  });
  // Watched segments are evaluated by this server's own execution, as their owners; evaluations start only after a write or on the schedule, once Apollo has started.
  const execute: Execute = async (query, variables, identity) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: createRequestContext(db, `signals-${randomUUID()}`, identity, config) });
    if (response.body.kind !== "single") throw new Error("a watched segment's evaluation answered incrementally");
    return response.body.singleResult;
  };
  const signals = startSignals(db, execute, config.signals, logger);
  const written = (workspace: string) => signals.changed(workspace);
  // Unadmitted and outside any request: one statement at a time, while requests are served.
  const plans = new PlanWarmer(given, { seconds: config.plans.warmSeconds, shortlistFrom: config.search.shortlistFrom, workspace: config.workspace }, logger);
  const apollo = createApolloServer(logger, config, [
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
    ...(metrics ? [metrics.plugin] : []),
    afterMutationsPlugin(written, (workspace) => void plans.segmentsChanged(workspace)),
  ]);
  await apollo.start();
  const graphql = graphqlEndpoint({
    apollo,
    bodyLimit: { bytes: sizeInBytes(config.requestBodyLimit), text: config.requestBodyLimit, readTimeoutMs: config.http.bodyReadTimeoutMs },
    maxBatch: config.limits.maxBatch,
    logger,
    ...(metrics ? { onRefused: metrics.refused } : {}),
    context: async (req, res) => {
      const requestId = requestIdOf(req.headers["x-request-id"]);
      res.setHeader("x-request-id", requestId);
      try {
        const identity = await authenticate(req.headers.authorization);
        limiters.graphql.take(identity, res);
        return createRequestContext(db, requestId, identity, { ...config, logger }, bookmarksFromHeader(req.headers[BOOKMARK_HEADER]));
      } catch (error) {
        // The request never reaches the plugins, so its log line and request id are added here.
        if (error instanceof AppError) {
          error.extensions.requestId = requestId;
          logger.info({ requestId, errors: [error.extensions.code], reason: error.message }, "graphql request refused");
        }
        throw error;
      }
    },
  });

  app.disable("x-powered-by");
  app.set("etag", false);
  app.get("/health", healthHandler);
  app.get("/ready", readyHandler(db.driver, db.database, () => draining));
  if (metrics) {
    app.get("/metrics", async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  app.use(graphDocumentRouter({ authenticate, db, logger, importBodyLimit: config.importBodyLimit, importTxTimeoutMs: LONG_WRITE_TX_TIMEOUT_MS, onWritten: written, limiter: limiters.imports }));
  app.use(segmentExportRouter({ authenticate, db, logger, settings: config }));
  app.use(ingestRouter({ authenticate, db: db.withTxTimeout(LONG_WRITE_TX_TIMEOUT_MS), logger, ingestBodyLimit: config.ingestBodyLimit, halfLifeDays: config.relationships.halfLifeDays, onWritten: written, limiter: limiters.imports }));
  app.use(trackingRouter({
    db, logger, onWritten: written, limiter: limiters.tracking, bodyReadTimeoutMs: config.http.bodyReadTimeoutMs, ...(metrics ? { onTracked: metrics.tracked } : {}),
  }));
  if (page) app.use(page.assets);
  // /graphql skips Express (see http/graphql-endpoint.ts); a browser opening it gets the playground.
  httpServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!isGraphQLRequest(req)) return traceHttpRequest(req, res, undefined, () => app(req, res));
    traceHttpRequest(req, res, "/graphql", () => {
      if (page?.wanted(req)) return page.sendPage(res);
      void traceGraphQL(() => graphql(req, res));
    });
  });

  const subscriptions = serveSubscriptions({ httpServer, typeDefs: fs.readFileSync(SCHEMA_FILE, "utf8"), authenticate, db, config, signals, execute, logger });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  // After listening, so that readiness never waits for it.
  void plans.atStart();
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    signals,
    plans,
    async stop() {
      draining = true;
      plans.stop();
      await subscriptions.dispose();
      await apollo.stop();
      await signals.stop();
      await tracing.shutdown();
    },
  };
}

/** The GraphQL server without HTTP: also what tests use to execute operations in-process. */
export function createApolloServer(
  logger: Logger,
  config: Pick<Config, "limits" | "introspection" | "auth">,
  plugins: ApolloServerPlugin<RequestContext>[] = [],
): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    typeDefs: fs.readFileSync(SCHEMA_FILE, "utf8"),
    resolvers,
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    allowBatchedHttpRequests: config.limits.maxBatch > 1,
    // CSRF matters where the browser holds the credential: in dev mode a request without one acts as
    // an ADMIN. With API keys and JWTs every request carries a bearer token a page cannot make a
    // browser send, so a plain GET (urql's default) is served.
    csrfPrevention: config.auth.mode !== "apikey" && config.auth.mode !== "jwt",
    // main.ts owns the signals: it stops the server and then closes the driver.
    stopOnTerminationSignals: false,
    // Roles first: a caller who may not run the operation learns nothing about its limits.
    // Apollo's own landing page loads from a CDN; the playground (src/http/playground.ts) does not.
    // Cache hints are not used: http/graphql-endpoint.ts says no-store.
    plugins: [...plugins, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), persistedQueryErrorsPlugin(), rolePlugin(), limitsPlugin(config.limits), requestErrorStatusPlugin(), graphqlTracingPlugin(), requestLogPlugin(logger)],
  });
}

/** The mutations after which a workspace's segments are planned again. */
const SEGMENT_MUTATIONS = new Set(["saveSegment", "updateSegment"]);

/**
 * After every mutation — even one that failed in part may have written — the
 * workspace's watched segments are evaluated again soon (`written`), and the
 * response carries the bookmarks of its last transaction, with which a client
 * reads its own writes through any instance (db/bookmarks.ts). After a
 * segment is saved or changed, its statements are planned (`segmentsChanged`).
 */
function afterMutationsPlugin(written: (workspace: string) => void, segmentsChanged: (workspace: string) => void): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, response }) {
          if (operation?.operation !== "mutation") return;
          written(contextValue.workspace);
          if (operation.selectionSet.selections.some((field) => field.kind === "Field" && SEGMENT_MUTATIONS.has(field.name.value))) {
            segmentsChanged(contextValue.workspace);
          }
          const bookmarks = contextValue.db.bookmarks;
          if (bookmarks.length > 0) response.http.headers.set(BOOKMARK_HEADER, bookmarks.join(","));
        },
      };
    },
  };
}

/** A caller's own request id is kept when it is a sane token, so logs can be joined across services. */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}
