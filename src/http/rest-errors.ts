/**
 * Errors of the plain HTTP endpoints (import, export, segment exports) as JSON
 * with the GraphQL API's stable codes — `{ error: { code, message } }` and the
 * matching HTTP status — never Express's default page, which carries a stack
 * trace outside production.
 */
import type { ErrorRequestHandler, Response } from "express";
import { AppError, ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";

const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.QUERY_TIMEOUT]: 504,
};

/** @param bodyLimit what a too-large body is told, e.g. "IMPORT_BODY_LIMIT=100mb" */
export function restErrors(bodyLimit: string, logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res: Response, _next) => {
    // Once a download has started streaming, the only honest signal left is a cut connection.
    if (res.headersSent) {
      logger.error({ err: error }, "a streamed response failed midway");
      return void res.destroy(error instanceof Error ? error : undefined);
    }
    const type = (error as { type?: unknown }).type;
    if (type === "entity.too.large") return sendRestError(res, 413, ErrorCode.BAD_REQUEST, `the body is larger than this server accepts (${bodyLimit})`);
    if (type === "entity.parse.failed") return sendRestError(res, 400, ErrorCode.BAD_REQUEST, "the request body is not valid JSON");
    if (error instanceof AppError) {
      const { retryAfter } = error.extensions;
      if (typeof retryAfter === "number") res.setHeader("retry-after", String(retryAfter));
      return sendRestError(res, STATUS_OF_CODE[error.code] ?? 500, error.code, error.message);
    }
    logger.error({ err: error }, "an HTTP endpoint failed");
    sendRestError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
  };
}

export function sendRestError(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ error: { code, message } });
}
