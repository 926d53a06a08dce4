/**
 * Segment's HTTP Tracking API, so that Segment (as a webhook destination) and
 * Segment's own client libraries can send engagements to Rapport:
 *   POST /v1/batch, /v1/identify, /v1/group, /v1/track, /v1/page
 * A client signs in as Segment's do: HTTP Basic with the write key as the user
 * name and an empty password. The write key is an API key of the workspace
 * with the EDITOR role or above; there is no dev-mode sign-in here, since a
 * tracking client is never a person at a browser.
 *
 * Every message is written (committed) before the answer, so a client that
 * got its 200 may forget the batch. Events about people the workspace does not
 * know are accepted and counted, never refused: Segment's clients retry what
 * fails, forever for some, and such an event will never succeed.
 */
import express, { type Router } from "express";
import { identityOfApiKey, looksLikeApiKey } from "../auth/api-keys.js";
import { hasRole, type Identity } from "../auth/identity.js";
import { unauthenticated } from "../auth/unauthenticated.js";
import type { Db } from "../db/run.js";
import { AppError, ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";
import { BATCH_LIMIT_BYTES, MESSAGE_LIMIT_BYTES, MessageRefused, parseMessages, type MessageType } from "../tracking/messages.js";
import { recordMessages, type TrackingSummary } from "../tracking/track.js";
import { BodyRefused, readJsonBody } from "./json-body.js";
import type { RateLimiter } from "./rate-limit.js";
import { restErrors, sendRestError } from "./rest-errors.js";

export interface TrackingRoutes {
  db: Db;
  logger: Logger;
  /** Told of each request's outcomes, e.g. to count them for /metrics. */
  onTracked?: (summary: TrackingSummary) => void;
  /** Told after a request's messages are committed, e.g. to re-evaluate segments soon. */
  onWritten?: (workspace: string) => void;
  /** Tracking's own budget per write key. */
  limiter?: RateLimiter;
  /** How long a batch may take to arrive (HTTP_BODY_READ_TIMEOUT_MS). */
  bodyReadTimeoutMs?: number;
}

const BASIC = /^Basic +([A-Za-z0-9+/=]+)$/i;

export function trackingRouter({ db, logger, onTracked, onWritten, limiter, bodyReadTimeoutMs }: TrackingRoutes): Router {
  const router = express.Router();
  const route = (type: MessageType | undefined) => async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    try {
      const identity = await writeKeyOwner(db, req.headers.authorization);
      limiter?.take(identity, res);
      const limit = type === undefined ? BATCH_LIMIT_BYTES : MESSAGE_LIMIT_BYTES;
      const body = await readJsonBody(req, { bytes: limit, text: `${limit / 1024} KB`, ...(bodyReadTimeoutMs === undefined ? {} : { readTimeoutMs: bodyReadTimeoutMs }) }).catch((error: unknown) => {
        // Segment answers an oversized payload with 400, which its clients do not retry; 413 some would.
        if (error instanceof BodyRefused && error.status === 413) throw new MessageRefused(`the ${type === undefined ? "batch" : "message"} is larger than ${limit / 1024} KB`);
        throw error;
      });
      if (body === undefined) throw new MessageRefused("send the messages as JSON (content-type: application/json)");
      const summary = await recordMessages(db, identity.workspace, parseMessages(body, type));
      onTracked?.(summary);
      if (summary.recorded > 0) onWritten?.(identity.workspace);
      logger.debug({ workspace: identity.workspace, messages: summary.messages, recorded: summary.recorded, unmatched: summary.unmatched }, "tracked");
      const { outcomes: _outcomes, ...counts } = summary;
      res.json({ success: true, ...counts });
    } catch (error) {
      if (error instanceof MessageRefused) return sendRestError(res, 400, ErrorCode.BAD_REQUEST, error.message);
      if (error instanceof BodyRefused) {
        // The rest of a body too slow to arrive is not worth waiting for.
        if (error.status === 408) res.setHeader("connection", "close");
        return sendRestError(res, error.status, ErrorCode.BAD_REQUEST, error.message);
      }
      next(error);
    }
  };
  router.post("/v1/batch", route(undefined));
  for (const type of ["identify", "group", "track", "page"] as const) router.post(`/v1/${type}`, route(type));
  router.use("/v1", restErrors(`${BATCH_LIMIT_BYTES / 1024} KB a batch`, logger));
  return router;
}

/** The identity of the write key in a Basic Authorization header: an API key of the EDITOR role or above. */
async function writeKeyOwner(db: Db, authorization: string | undefined): Promise<Identity> {
  const encoded = BASIC.exec(authorization?.trim() ?? "")?.[1];
  if (encoded === undefined) throw unauthenticated("send the write key as Segment clients do: HTTP Basic, the key as the user name and an empty password");
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const key = decoded.endsWith(":") ? decoded.slice(0, -1) : decoded.split(":")[0]!;
  if (!looksLikeApiKey(key)) throw unauthenticated("the write key must be a Rapport API key (rpk_…)");
  const identity = await identityOfApiKey(db, key);
  if (!identity) throw unauthenticated("unknown or revoked write key");
  if (!hasRole(identity.role, "EDITOR")) throw new AppError(ErrorCode.FORBIDDEN, `tracking needs a key with the EDITOR role or above; this one has ${identity.role}`);
  return identity;
}
