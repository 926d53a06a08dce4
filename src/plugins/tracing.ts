/**
 * Names the GraphQL operation's span (src/tracing/spans.ts, active while
 * Apollo handles the request) after the operation, and notes the codes of
 * any errors on it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { trace } from "@opentelemetry/api";
import type { RequestContext } from "../context.js";

export function graphqlTracingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          span.updateName(`${operation.operation} ${operationName ?? "anonymous"}`);
          span.setAttributes({ "graphql.operation.type": operation.operation, ...(operationName ? { "graphql.operation.name": operationName } : {}) });
        },
        async willSendResponse({ errors }) {
          if (errors?.length) span.setAttribute("rapport.graphql.error_codes", errors.map((error) => String(error.extensions.code ?? "INTERNAL_SERVER_ERROR")));
        },
      };
    },
  };
}
