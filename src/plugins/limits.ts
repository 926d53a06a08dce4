/**
 * Limits checked after the operation is parsed and validated and before
 * anything runs (so before any Neo4j round trip): depth, estimated cost, how
 * many expensive fields it holds, and the bounds of every `first` and `maxHops` argument (see
 * validation/operation-limits.ts). Each has its own code and a message that
 * says what to change; all answer HTTP 400.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Limits } from "../config.js";
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { measureOperation } from "../validation/operation-limits.js";

const BAD_REQUEST = { http: { status: 400 } };

export function limitsPlugin(limits: Limits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const measure = measureOperation(schema, document, operation, request.variables ?? {}, limits);
          if (!measure) return;
          const [problem] = measure.problems;
          if (problem?.name === "first" || problem?.name === "last") {
            throw new AppError(ErrorCode.BAD_USER_INPUT, `${problem.name} must be an integer from 0 to ${limits.maxFirst}`, { argument: problem.path, ...BAD_REQUEST });
          }
          if (problem?.name === "maxHops") {
            throw new AppError(ErrorCode.BAD_USER_INPUT, `${problem.path}: maxHops is at most ${limits.maxHops}`, { argument: problem.path, ...BAD_REQUEST });
          }
          if (measure.depth > limits.maxDepth) {
            throw new AppError(ErrorCode.QUERY_TOO_DEEP, `the operation nests fields ${measure.depth} deep; this server allows at most ${limits.maxDepth}`, {
              depth: measure.depth, maxDepth: limits.maxDepth, ...BAD_REQUEST,
            });
          }
          if (measure.cost > limits.maxCost) {
            throw new AppError(
              ErrorCode.QUERY_TOO_COSTLY,
              `the operation could return about ${measure.cost} items (each first multiplies the fields below it); this server allows at most ${limits.maxCost}: lower first or nest fewer lists`,
              { cost: measure.cost, maxCost: limits.maxCost, ...BAD_REQUEST },
            );
          }
          if (measure.expensive > limits.maxExpensiveFields) {
            throw new AppError(
              ErrorCode.QUERY_TOO_COSTLY,
              `the operation runs ${measure.expensive} searches of the workspace (whole-workspace or multi-hop lists, path searches, segment members); this server allows at most ${limits.maxExpensiveFields} in one operation: send them in separate requests`,
              { expensiveFields: measure.expensive, maxExpensiveFields: limits.maxExpensiveFields, ...BAD_REQUEST },
            );
          }
        },
      };
    },
  };
}
