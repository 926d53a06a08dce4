/**
 * Role enforcement in one place, before anything runs: an operation that is
 * not a query (a mutation, today or added later) needs EDITOR or above. No
 * resolver checks roles, so a new mutation is covered without knowing of it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { hasRole } from "../auth/identity.js";
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";

export function rolePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const { role } = contextValue.identity;
          if (operation && operation.operation !== "query" && !hasRole(role, "EDITOR")) {
            throw new AppError(ErrorCode.FORBIDDEN, `a ${operation.operation} needs the EDITOR or ADMIN role; this credential has ${role}`, {
              http: { status: 403 },
            });
          }
        },
      };
    },
  };
}
