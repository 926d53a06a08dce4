/**
 * The graph document over HTTP, for a workspace's ADMINs:
 *   GET  /export                 streams the caller's workspace as a graph document;
 *   POST /import[?dryRun=true]   imports one (application/json, up to
 *                                IMPORT_BODY_LIMIT) and answers with what was
 *                                created and found, or with every problem and
 *                                its JSON path (HTTP 400, nothing written).
 * The same modules as `npm run export` / `npm run import`. The workspace is
 * always the credential's, never a parameter. Errors are JSON with the same
 * stable codes as the GraphQL API.
 */
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from "express";
import type { Authenticate } from "../auth/authenticate.js";
import { hasRole, type Identity } from "../auth/identity.js";
import type { Db } from "../db/run.js";
import { AppError, ErrorCode } from "../errors.js";
import { exportSections } from "../graph-document/export.js";
import { importGraphDocument } from "../graph-document/import.js";
import { writeGraphDocument } from "../graph-document/write.js";
import type { Logger } from "../logger.js";

export interface GraphDocumentRoutes {
  authenticate: Authenticate;
  db: Db;
  logger: Logger;
  importBodyLimit: string;
  /** Transaction timeout for an import's batches: longer than a query's. */
  importTxTimeoutMs: number;
}

export function graphDocumentRouter({ authenticate, db, logger, importBodyLimit, importTxTimeoutMs }: GraphDocumentRoutes): Router {
  const router = express.Router();
  const admin = async (req: Request): Promise<Identity> => {
    const identity = await authenticate(req.headers.authorization);
    if (!hasRole(identity.role, "ADMIN")) {
      throw new AppError(ErrorCode.FORBIDDEN, `import and export need the ADMIN role; this credential has ${identity.role}`, { http: { status: 403 } });
    }
    return identity;
  };

  router.get("/export", async (req, res, next) => {
    try {
      const { workspace } = await admin(req);
      res.type("application/json").setHeader("content-disposition", 'attachment; filename="rapport-export.json"');
      const counts = await writeGraphDocument(exportSections(db, workspace), res);
      res.end();
      logger.info({ workspace, counts }, "exported the workspace over HTTP");
    } catch (error) {
      next(error);
    }
  });

  router.post("/import", express.json({ limit: importBodyLimit }), async (req, res, next) => {
    try {
      const { workspace } = await admin(req);
      const dryRun = req.query.dryRun === "true";
      // One batch at a time: a request's driver retries deadlocks only briefly.
      const result = await importGraphDocument(db.withTxTimeout(importTxTimeoutMs), req.body, { workspace, dryRun, concurrency: 1 });
      logger.info({ workspace, dryRun, ok: result.ok }, "imported a graph document over HTTP");
      res.status(result.ok ? 200 : 400).json(result);
    } catch (error) {
      next(error);
    }
  });

  router.use(graphDocumentErrors(importBodyLimit, logger));
  return router;
}

const STATUS_OF_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.QUERY_TIMEOUT]: 504,
};

function graphDocumentErrors(limit: string, logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res: Response, _next) => {
    // Once an export has started streaming, the only honest signal left is a cut connection.
    if (res.headersSent) return void res.destroy(error instanceof Error ? error : undefined);
    const type = (error as { type?: unknown }).type;
    if (type === "entity.too.large") return send(res, 413, ErrorCode.BAD_REQUEST, `the document is larger than this server accepts (IMPORT_BODY_LIMIT=${limit})`);
    if (type === "entity.parse.failed") return send(res, 400, ErrorCode.BAD_REQUEST, "the request body is not valid JSON");
    if (error instanceof AppError) return send(res, STATUS_OF_CODE[error.code] ?? 500, error.code, error.message);
    logger.error({ err: error }, "import or export failed");
    send(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
  };
}

function send(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ error: { code, message } });
}
