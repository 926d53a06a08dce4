/**
 * Automatic persisted queries: Apollo refuses a `persistedQuery` extension
 * whose sha256Hash is not the hash of the query sent with it, or whose
 * version it does not know, with an error that has no code, which would
 * reach the client as INTERNAL_SERVER_ERROR although the client sent it
 * wrong. This gives those errors their codes before they are formatted.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context.js";
import { ErrorCode } from "../errors.js";

export function persistedQueryErrorsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const persisted: unknown = request.extensions?.persistedQuery;
      if (persisted === undefined) return;
      const version = typeof persisted === "object" && persisted !== null ? (persisted as { version?: unknown }).version : undefined;
      const code = version === 1 ? ErrorCode.PERSISTED_QUERY_HASH_MISMATCH : ErrorCode.PERSISTED_QUERY_VERSION_NOT_SUPPORTED;
      return {
        async didEncounterErrors({ errors }) {
          // Apollo's own refusals of the extension are the only errors of such a request with neither a code nor a path.
          for (const error of errors) {
            if (error.extensions.code === undefined && error.path === undefined) error.extensions.code = code;
          }
        },
      };
    },
  };
}
