/**
 * /graphql on plain node:http, in front of Express. A GraphQL request is the
 * service's hot path, and on a 1-hop question (3–5 ms) Express's router, body
 * parser and `res.send` were a tenth of the time, so this path does only what
 * it needs: read the JSON body under REQUEST_BODY_LIMIT, refuse a batch
 * longer than RAPPORT_MAX_BATCH before any of it runs, hand the request to
 * Apollo and write Apollo's answer. Everything Apollo never sees is answered
 * as a GraphQL-shaped JSON error with a stable code, never with a stack trace.
 *
 * Responses are per user, so they say `cache-control: no-store` (Apollo's
 * cache-control plugin, which would say the same after wrapping every field
 * resolver to find out, is off).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from "@apollo/server";
import type { RequestContext } from "../context.js";
import { ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";
import { BodyRefused, readJsonBody, type BodyLimit } from "./json-body.js";

const GRAPHQL_PATH = "/graphql";

export interface GraphQLEndpoint {
  apollo: ApolloServer<RequestContext>;
  /** Builds a request's context; what it throws (a refused credential) Apollo answers as a GraphQL error. */
  context(req: IncomingMessage, res: ServerResponse): Promise<RequestContext>;
  bodyLimit: BodyLimit;
  maxBatch: number;
  logger: Logger;
  /** Told of every request this endpoint refuses itself, before Apollo sees it (for /metrics). */
  onRefused?: (code: ErrorCode) => void;
}

export function isGraphQLRequest(req: IncomingMessage): boolean {
  const pathname = req.url?.split("?")[0];
  return pathname === GRAPHQL_PATH || pathname === `${GRAPHQL_PATH}/`;
}

export function graphqlEndpoint({ apollo, context, bodyLimit, maxBatch, logger, onRefused }: GraphQLEndpoint) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const body = req.method === "POST" ? await readJsonBody(req, bodyLimit) : undefined;
      if (Array.isArray(body) && body.length > Math.max(maxBatch, 1)) {
        const message = maxBatch > 1
          ? `a batch may hold at most ${maxBatch} operations; this one has ${body.length}`
          : "batching is off on this server (RAPPORT_MAX_BATCH=1): send one operation per request";
        onRefused?.(ErrorCode.BATCH_TOO_LARGE);
        return sendError(res, 400, ErrorCode.BATCH_TOO_LARGE, message);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers: headersOf(req), search: searchOf(req.url), body },
        context: () => context(req, res),
      });
      await send(res, response);
    } catch (error) {
      if (error instanceof BodyRefused) {
        onRefused?.(ErrorCode.BAD_REQUEST);
        return sendError(res, error.status, ErrorCode.BAD_REQUEST, error.message);
      }
      logger.error({ err: error }, "graphql request failed outside GraphQL");
      if (res.headersSent) res.destroy();
      else sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
    }
  };
}

function headersOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/** The query string with its "?", as Apollo reads a GET's operation from it. */
function searchOf(url: string | undefined): string {
  const at = url?.indexOf("?") ?? -1;
  return at < 0 ? "" : url!.slice(at);
}

async function send(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  res.statusCode = response.status ?? 200;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.setHeader("cache-control", "no-store");
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  // The rest of a body too slow to arrive (408) is not worth waiting for: the connection closes after the answer.
  if (status === 408) res.setHeader("connection", "close");
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}
