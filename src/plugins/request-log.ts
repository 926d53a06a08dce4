/**
 * One log line per GraphQL request: its id, who asked (workspace, role and
 * how they signed in; not their email, which is personal data), operation
 * name, duration, the number of Neo4j round trips and the time spent waiting
 * on Neo4j, the codes of any errors, and the trace id when the request is traced. Errors the client sees get the request id, so a user
 * can quote it; the detail of internal errors stays in this log.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { RequestContext } from "../context.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import { currentTraceId } from "../tracing/spans.js";

export function requestLogPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof AppError || !(original instanceof Error) || original === error) continue;
            logger.error({ requestId: contextValue.requestId, path: error.path, err: original }, "internal error");
          }
        },
        async willSendResponse({ response, operationName, errors }) {
          const meter = contextValue.db.meter;
          if (response.body.kind === "single") {
            for (const error of response.body.singleResult.errors ?? []) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
          const traceId = currentTraceId();
          logger.info({
            requestId: contextValue.requestId,
            ...(traceId ? { traceId } : {}),
            workspace: contextValue.identity.workspace,
            role: contextValue.identity.role,
            auth: contextValue.identity.via,
            operationName: operationName ?? null,
            durationMs: round(performance.now() - started),
            neo4jMs: round(meter.neo4jMs),
            neo4jRoundTrips: meter.roundTrips,
            errors: errors?.map((error) => error.extensions.code ?? "INTERNAL_SERVER_ERROR"),
          }, "graphql request");
        },
      };
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
