import { GraphQLError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { AppError, ErrorCode, fromNeo4jError, maskError } from "../../src/errors.js";

describe("maskError", () => {
  it("replaces an unexpected error with a generic message and no detail", () => {
    const internal = new Error("Invalid input 'MATC': expected ... (line 1, column 1)");
    const formatted = { message: internal.message, path: ["person"], extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] } };
    expect(maskError(formatted, new GraphQLError(internal.message, { originalError: internal }))).toEqual({
      message: "Internal server error",
      path: ["person"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("keeps a deliberate AppError, minus any stack trace", () => {
    const error = new AppError(ErrorCode.NOT_FOUND, "no person with id p1");
    const formatted = { message: error.message, extensions: { code: "NOT_FOUND", stacktrace: ["at y"] } };
    expect(maskError(formatted, error)).toEqual({ message: "no person with id p1", extensions: { code: "NOT_FOUND" } });
  });

  it("masks a resolver's error even when it carries a request code", () => {
    const formatted = { message: "detail", path: ["person"], extensions: { code: "BAD_USER_INPUT" } };
    expect(maskError(formatted, new Error("detail"))).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
  });

  it("keeps errors in the request itself, such as validation failures", () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    const formatted = { message: error.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
    expect(maskError(formatted, error)).toEqual(formatted);
  });
});

describe("fromNeo4jError", () => {
  it("recognises an unreachable database by its code", () => {
    const mapped = fromNeo4jError(new Neo4jError("connect ECONNREFUSED", "ServiceUnavailable", "", ""));
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it("recognises a transaction timeout by its code", () => {
    const mapped = fromNeo4jError(new Neo4jError("…", "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "", ""));
    expect((mapped as AppError).code).toBe(ErrorCode.QUERY_TIMEOUT);
  });

  it("leaves other errors as they are, to be masked", () => {
    const syntax = new Neo4jError("bad", "Neo.ClientError.Statement.SyntaxError", "", "");
    expect(fromNeo4jError(syntax)).toBe(syntax);
  });
});
