/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on /graphql,
 * beside the HTTP endpoint. A client signs in when it connects, with
 * `connectionParams: { authorization: "Bearer …" }` (or the upgrade request's
 * Authorization header), as an HTTP request would; a connection that cannot
 * is closed with 4403. Only subscriptions are served here: queries and
 * mutations go over HTTP, where the roles, limits and logging plugins apply.
 */
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { getOperationAST, GraphQLError, parse } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Authenticate } from "../auth/authenticate.js";
import type { Identity } from "../auth/identity.js";
import type { Config } from "../config.js";
import { createRequestContext } from "../context.js";
import type { Db } from "../db/run.js";
import { maskError } from "../errors.js";
import type { Logger } from "../logger.js";
import { resolvers } from "../resolvers/index.js";
import type { Execute } from "../signals/evaluate.js";
import type { Signals } from "../signals/signals.js";
import { segmentChangesField } from "../signals/subscription.js";

export interface SubscriptionDeps {
  httpServer: http.Server;
  typeDefs: string;
  authenticate: Authenticate;
  db: Db;
  config: Config;
  signals: Signals;
  execute: Execute;
  logger: Logger;
}

export function serveSubscriptions({ httpServer, typeDefs, authenticate, db, config, signals, execute, logger }: SubscriptionDeps): { dispose(): Promise<void> } {
  const schema = makeExecutableSchema({ typeDefs, resolvers: { ...resolvers, Subscription: { segmentChanges: segmentChangesField(signals, execute) } } });
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const signedIn = new WeakMap<object, Identity>();
  const server = useServer<Record<string, unknown>>({
    schema,
    async onConnect(ctx) {
      const fromParams = ctx.connectionParams?.authorization;
      const authorization = typeof fromParams === "string" ? fromParams : ctx.extra.request.headers.authorization;
      try {
        signedIn.set(ctx.extra, await authenticate(authorization));
        return true;
      } catch (error) {
        logger.info({ reason: (error as Error).message }, "a subscription connection was refused");
        return false;
      }
    },
    onSubscribe(_ctx, _id, payload) {
      let operation;
      try {
        operation = getOperationAST(parse(payload.query), payload.operationName);
      } catch {
        return undefined; // graphql-ws reports the syntax error itself.
      }
      if (operation && operation.operation !== "subscription") {
        return [new GraphQLError("only subscriptions are served over WebSocket; send queries and mutations over HTTP", { extensions: { code: "BAD_REQUEST" } })];
      }
      return undefined;
    },
    context: (ctx) => createRequestContext(db, `ws-${randomUUID()}`, signedIn.get(ctx.extra)!, config),
    // No stack trace, Cypher or driver message leaves, as on HTTP (errors.ts).
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => maskError(error.toJSON(), error)),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((error) => maskError(error.toJSON(), error)) } : undefined),
  }, wsServer);
  return {
    async dispose() {
      await server.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
