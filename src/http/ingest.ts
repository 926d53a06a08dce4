/**
 * Ingestion over HTTP, for EDITORs, who ingest as themselves (the caller's
 * email must be one of the workspace's users):
 *   POST /ingest/mail[?dryRun=true]       the body is an mbox file or one message (.eml)
 *   POST /ingest/calendar[?dryRun=true]   the body is an iCalendar file (.ics)
 *   POST /ingest/contacts[?format=linkedin|csv|vcard&map=Header=field,…&skipInvalid=true&dryRun=true]
 *                                         the body is a contacts file (src/ingest/contacts/)
 * Mail and calendars stream through the readers as they arrive, up to
 * INGEST_BODY_LIMIT (default 1024mb); a contacts file is checked whole before
 * anything is written, so it is read whole, up to the same limit. The answer
 * is the summary, skipped items listed with their position (HTTP 200); a
 * contacts file with bad rows gets HTTP 400 with the same summary, each bad
 * row with its line and column, and nothing written unless skipInvalid=true.
 * Errors are JSON with the API's stable codes.
 */
import { Readable } from "node:stream";
import express, { type Request, type Router } from "express";
import type { Authenticate } from "../auth/authenticate.js";
import type { Db } from "../db/run.js";
import { AppError, ErrorCode } from "../errors.js";
import { CONTACTS_FORMATS, parseMapping, type ContactsFormat } from "../ingest/contacts/contact-row.js";
import { ingestContacts } from "../ingest/contacts/ingest-contacts.js";
import { ingest } from "../ingest/ingest.js";
import { itemsOf, type IngestKind } from "../ingest/sources.js";
import type { Logger } from "../logger.js";
import { ByteLimit, tooLarge } from "./byte-limit.js";
import { sizeInBytes } from "./json-body.js";
import type { RateLimiter } from "./rate-limit.js";
import { restErrors } from "./rest-errors.js";
import { signedIn } from "./sign-in.js";

export interface IngestRoutes {
  authenticate: Authenticate;
  db: Db;
  logger: Logger;
  ingestBodyLimit: string;
  halfLifeDays: number;
  /** Told after an ingestion wrote to a workspace, e.g. to re-evaluate its watched segments. */
  onWritten?: (workspace: string) => void;
  /** Ingestion's budget per credential: the same as imports'. */
  limiter?: RateLimiter;
}

export function ingestRouter({ authenticate, db, logger, ingestBodyLimit, halfLifeDays, onWritten, limiter }: IngestRoutes): Router {
  const router = express.Router();
  const limit = sizeInBytes(ingestBodyLimit);

  const route = (kind: IngestKind) => async (req: Request, res: express.Response, next: express.NextFunction) => {
    try {
      const identity = await signedIn(authenticate, req, "EDITOR", "ingesting mail and calendars");
      limiter?.take(identity, res);
      if (Number(req.headers["content-length"] ?? 0) > limit) throw tooLarge();
      const body = req.pipe(new ByteLimit(limit));
      const summary = await ingest(db, itemsOf(kind, [{ stream: body, name: "request body" }], new Date()), {
        workspace: identity.workspace,
        user: identity.email,
        dryRun: req.query.dryRun === "true",
        halfLifeDays,
      });
      logger.info({ workspace: identity.workspace, user: identity.email, kind, read: summary.read, recorded: summary.recorded }, "ingested over HTTP");
      if (!summary.dryRun) onWritten?.(identity.workspace);
      res.json(summary);
    } catch (error) {
      next(error);
    }
  };
  router.post("/ingest/contacts", async (req, res, next) => {
    try {
      const identity = await signedIn(authenticate, req, "EDITOR", "ingesting contacts");
      if (Number(req.headers["content-length"] ?? 0) > limit) throw tooLarge();
      const format = req.query.format;
      if (format !== undefined && !(CONTACTS_FORMATS as readonly unknown[]).includes(format)) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `format must be one of ${CONTACTS_FORMATS.join(", ")}`);
      }
      const mapping = contactsMapping(req.query.map);
      const chunks: Buffer[] = [];
      for await (const chunk of req.pipe(new ByteLimit(limit))) chunks.push(chunk as Buffer);
      // Read twice (checked, then written), so held, up to the body limit, as bytes rather than rows.
      const body = Buffer.concat(chunks);
      const summary = await ingestContacts(db, () => Readable.from([body]), {
        workspace: identity.workspace, user: identity.email, format: format as ContactsFormat | undefined, mapping,
        skipInvalid: req.query.skipInvalid === "true", dryRun: req.query.dryRun === "true",
      });
      logger.info({ workspace: identity.workspace, user: identity.email, kind: "contacts", rows: summary.rows, invalid: summary.invalid.count }, "ingested over HTTP");
      if (summary.written) onWritten?.(identity.workspace);
      res.status(summary.invalid.count > 0 && !summary.written && !summary.dryRun ? 400 : 200).json(summary);
    } catch (error) {
      next(error);
    }
  });
  router.post("/ingest/mail", route("mail"));
  router.post("/ingest/calendar", route("calendar"));
  router.use(restErrors(`INGEST_BODY_LIMIT=${ingestBodyLimit}`, logger));
  return router;
}

function contactsMapping(map: unknown) {
  if (map !== undefined && typeof map !== "string") throw new AppError(ErrorCode.BAD_USER_INPUT, "map must be Header=field,…");
  return parseMapping(map);
}
