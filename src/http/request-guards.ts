/**
 * Express middleware around POST /graphql for what Apollo never sees: a batch
 * longer than allowed, and a body that is too large or not JSON. Each gets a
 * GraphQL-shaped JSON error with a stable code, never Express's default HTML
 * page, which carries a stack trace outside production.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";

/**
 * A batch (a JSON array of operations) longer than RAPPORT_MAX_BATCH is
 * refused whole before any of it runs; with batching off (the default,
 * RAPPORT_MAX_BATCH=1) Apollo refuses every array itself.
 */
export function batchLimit(maxBatch: number): RequestHandler {
  return (req, res, next) => {
    if (!Array.isArray(req.body) || req.body.length <= Math.max(maxBatch, 1)) return next();
    const message = maxBatch > 1
      ? `a batch may hold at most ${maxBatch} operations; this one has ${req.body.length}`
      : "batching is off on this server (RAPPORT_MAX_BATCH=1): send one operation per request";
    sendError(res, 400, ErrorCode.BATCH_TOO_LARGE, message);
  };
}

/** body-parser's errors (`type` says which), and anything else that escapes, as JSON. */
export function bodyErrors(limit: string, logger: Logger): ErrorRequestHandler {
  return (error: { type?: unknown }, _req, res, _next) => {
    if (error.type === "entity.too.large") return sendError(res, 413, ErrorCode.BAD_REQUEST, `the request body is larger than this server accepts (${limit})`);
    if (error.type === "entity.parse.failed") return sendError(res, 400, ErrorCode.BAD_REQUEST, "the request body is not valid JSON");
    logger.error({ err: error }, "request failed outside GraphQL");
    sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
  };
}

function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
