/**
 * Reads a request's JSON body on plain node:http, as Express's JSON parser
 * would: only a body declared `application/json` is read (any other is
 * left to the caller as `undefined`), in UTF-8, inflated from
 * gzip, deflate or br, and never more than the limit once inflated.
 * Whatever the client got wrong is a `BodyRefused` with the HTTP status and
 * the message to answer with; a body that takes longer than its read timeout
 * to arrive is one too (408), so a slow client cannot hold a request open.
 */
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import zlib from "node:zlib";

export class BodyRefused extends Error {
  constructor(readonly status: 400 | 408 | 413 | 415, message: string) {
    super(message);
  }
}

/** A size as REQUEST_BODY_LIMIT gives it ("100kb", "1mb") in bytes, counting 1024 to the kilobyte. */
export function sizeInBytes(size: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(size) ?? [];
  if (!amount || !unit) throw new Error(`not a size: ${size}`);
  return Number(amount) * { b: 1, kb: 1024, mb: 1024 * 1024 }[unit.toLowerCase() as "b" | "kb" | "mb"];
}

export interface BodyLimit {
  bytes: number;
  /** The limit as configured, for the message of a body that is too large. */
  text: string;
  /** How long the whole body may take to arrive (HTTP_BODY_READ_TIMEOUT_MS); no limit when absent. */
  readTimeoutMs?: number;
}

export async function readJsonBody(req: IncomingMessage, limit: BodyLimit): Promise<unknown> {
  const [mediaType = "", ...parameters] = (req.headers["content-type"] ?? "").split(";").map((part) => part.trim().toLowerCase());
  if (mediaType !== "application/json") return undefined;
  const charset = parameters.find((parameter) => parameter.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  if (charset && charset !== "utf-8" && charset !== "utf8") throw new BodyRefused(415, `the request body must be UTF-8, not ${charset}`);
  const tooLarge = () => new BodyRefused(413, `the request body is larger than this server accepts (${limit.text})`);
  if (Number(req.headers["content-length"] ?? 0) > limit.bytes) throw tooLarge();

  const text = await collect(req, decoded(req), limit, tooLarge);
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyRefused(400, "the request body is not valid JSON");
  }
}

/** The body as UTF-8 text. Listeners rather than an async iterator: leaving one early would destroy the socket the answer has to go out on. */
function collect(req: IncomingMessage, body: Readable, limit: BodyLimit, tooLarge: () => BodyRefused): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = limit.readTimeoutMs === undefined ? undefined : setTimeout(() => {
      body.off("data", onData);
      reject(new BodyRefused(408, `the request body did not arrive within ${limit.readTimeoutMs} ms`));
    }, limit.readTimeoutMs);
    req.once("close", () => clearTimeout(timer));
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit.bytes) return void chunks.push(chunk);
      clearTimeout(timer);
      // What is left unread Node drains once the answer is sent, so the connection carries the next request.
      body.off("data", onData);
      if (body !== req) body.destroy();
      reject(tooLarge());
    };
    body.on("data", onData);
    body.once("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks, size).toString("utf8"));
    });
    // A client that goes away mid-body, or compressed data that is corrupt.
    const unreadable = () => reject(new BodyRefused(400, "the request body could not be read"));
    req.once("error", unreadable);
    if (body !== req) body.once("error", unreadable);
  });
}

const INFLATERS = new Map([["gzip", zlib.createGunzip], ["deflate", zlib.createInflate], ["br", zlib.createBrotliDecompress]]);

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding === "identity") return req;
  const inflate = INFLATERS.get(encoding);
  if (!inflate) throw new BodyRefused(415, `the request body's content-encoding ${encoding} is not supported: send identity, gzip, deflate or br`);
  return req.pipe(inflate());
}

