/**
 * The graph document over HTTP, for a workspace's ADMINs:
 *   GET  /export                 streams the caller's workspace as a graph document;
 *   POST /import[?dryRun=true]   imports one (application/json, up to
 *                                IMPORT_BODY_LIMIT, streamed to a temporary
 *                                file, never held) and answers with what was
 *                                created and found, or with every problem and
 *                                its JSON path (HTTP 400, nothing written).
 * The same modules as `npm run export` / `npm run import`. The workspace is
 * always the credential's, never a parameter. Errors are JSON with the same
 * stable codes as the GraphQL API.
 */
import express, { type Request, type Router } from "express";
import type { Authenticate } from "../auth/authenticate.js";
import type { Db } from "../db/run.js";
import { exportSections } from "../graph-document/export.js";
import { spooledDocument } from "../graph-document/document-source.js";
import { DocumentSyntaxError } from "../graph-document/document-tokens.js";
import { importDocument } from "../graph-document/import.js";
import { writeGraphDocument } from "../graph-document/write.js";
import { AppError, ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";
import { ByteLimit, tooLarge } from "./byte-limit.js";
import { sizeInBytes } from "./json-body.js";
import type { RateLimiter } from "./rate-limit.js";
import { restErrors } from "./rest-errors.js";
import { signedIn } from "./sign-in.js";

export interface GraphDocumentRoutes {
  authenticate: Authenticate;
  db: Db;
  logger: Logger;
  importBodyLimit: string;
  /** Transaction timeout for an import's batches: longer than a query's. */
  importTxTimeoutMs: number;
  /** Told after an import wrote to a workspace, e.g. to re-evaluate its watched segments. */
  onWritten?: (workspace: string) => void;
  /** The imports' own budget per credential. */
  limiter?: RateLimiter;
}

export function graphDocumentRouter({ authenticate, db, logger, importBodyLimit, importTxTimeoutMs, onWritten, limiter }: GraphDocumentRoutes): Router {
  const router = express.Router();
  const bodyLimit = sizeInBytes(importBodyLimit);
  const admin = (req: Request) => signedIn(authenticate, req, "ADMIN", "import and export");

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

  router.post("/import", async (req, res, next) => {
    try {
      const identity = await admin(req);
      limiter?.take(identity, res);
      const { workspace } = identity;
      const dryRun = req.query.dryRun === "true";
      if (!req.is("application/json")) throw new AppError(ErrorCode.BAD_USER_INPUT, "send the graph document as application/json");
      if (Number(req.headers["content-length"] ?? 0) > bodyLimit) throw tooLarge();
      // One batch at a time: a request's driver retries deadlocks only briefly.
      const result = await spooledDocument(req.pipe(new ByteLimit(bodyLimit)), (document) =>
        importDocument(db.withTxTimeout(importTxTimeoutMs), document, { workspace, dryRun, concurrency: 1 }));
      logger.info({ workspace, dryRun, ok: result.ok }, "imported a graph document over HTTP");
      if (result.ok && !dryRun) onWritten?.(workspace);
      res.status(result.ok ? 200 : 400).json(result);
    } catch (error) {
      next(error instanceof DocumentSyntaxError ? Object.assign(error, { type: "entity.parse.failed" }) : error);
    }
  });

  router.use(restErrors(`IMPORT_BODY_LIMIT=${importBodyLimit}`, logger));
  return router;
}
