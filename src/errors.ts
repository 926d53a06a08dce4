/**
 * Errors a client can act on. An AppError is a GraphQLError with a stable
 * `extensions.code`; anything else that escapes a resolver is masked by
 * `maskError` so that no stack trace, Cypher text or driver message reaches
 * the client — the log keeps the detail.
 */
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { HeaderMap } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { Neo4jError } from "neo4j-driver";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  QUERY_TIMEOUT: "QUERY_TIMEOUT",
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
  RATE_LIMITED: "RATE_LIMITED",
  BATCH_TOO_LARGE: "BATCH_TOO_LARGE",
  PERSISTED_QUERY_HASH_MISMATCH: "PERSISTED_QUERY_HASH_MISMATCH",
  PERSISTED_QUERY_VERSION_NOT_SUPPORTED: "PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A deliberate error. An `http: { status }` extension sets the response's
 * HTTP status when the error ends the request before execution (Apollo takes
 * it out of the body); errors in resolvers leave the status at 200.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = "AppError";
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

/**
 * An error the client should send again after `seconds`: HTTP `status` with a
 * Retry-After header, on /graphql (Apollo reads `http`, wherever the error
 * is thrown) and on the REST routes (rest-errors.ts reads `retryAfter`).
 */
export function retryLater(code: ErrorCode, message: string, status: 429 | 503, seconds: number, extensions: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, {
    ...extensions,
    retryAfter: seconds,
    http: { status, headers: new HeaderMap([["retry-after", String(seconds)]]) },
  });
}

/** Codes that graphql-js and Apollo give to errors in the request itself: safe to show. */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
  ErrorCode.PERSISTED_QUERY_VERSION_NOT_SUPPORTED,
]);

/**
 * Apollo's formatError: keeps deliberate errors, replaces every other one with
 * a generic message. An error in the request itself (parse, validation,
 * variables) is recognised by its code and by having no path: anything a
 * resolver throws has one. (Not by instanceof GraphQLError: graphql's ESM and
 * CommonJS builds are different classes when both get loaded.)
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (unwrapResolverError(error) instanceof AppError) return withoutStacktrace(formatted);
  const code = formatted.extensions?.code;
  if (formatted.path === undefined && typeof code === "string" && REQUEST_ERROR_CODES.has(code)) {
    return withoutStacktrace(formatted);
  }
  return {
    message: "Internal server error",
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !("stacktrace" in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"]);
const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
]);

/** A bookmark (db/bookmarks.ts) this database never gave, or one of another database's. */
const BOOKMARK_CODES = new Set(["Neo.ClientError.Transaction.InvalidBookmark", "Neo.ClientError.Transaction.InvalidBookmarkMixture"]);

/**
 * The driver gives a timed-out wait for a pooled connection no code of its
 * own (it is "N/A", as for any client-side failure), so this one error is
 * recognised by the start of its message. Admission control keeps requests
 * below the pool's size (src/db/admission.ts); should the pool run dry all
 * the same, the client hears that the service is busy, not an internal error.
 */
function isPoolExhausted(error: Neo4jError): boolean {
  return error.code === "N/A" && error.message.startsWith("Connection acquisition timed out");
}

/** Recognises driver errors by their code (never by message text, but for isPoolExhausted); other errors pass through unchanged. */
export function fromNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (isPoolExhausted(error)) return retryLater(ErrorCode.SERVICE_UNAVAILABLE, "The server is busy; try again shortly.", 503, 1);
  if (BOOKMARK_CODES.has(error.code)) {
    return new AppError(ErrorCode.BAD_REQUEST, "The rapport-bookmark header holds a bookmark this database did not give.");
  }
  if (UNAVAILABLE_CODES.has(error.code)) {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, "The graph database is not reachable right now; try again shortly.");
  }
  if (TIMEOUT_CODES.has(error.code)) {
    return new AppError(ErrorCode.QUERY_TIMEOUT, "The operation took longer than the server allows; for a search, narrow the filter or lower maxHops.");
  }
  return error;
}
