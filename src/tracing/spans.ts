/**
 * The spans Rapport makes, through the OpenTelemetry API alone: an HTTP
 * request (continuing the caller's trace from its W3C `traceparent`), the
 * GraphQL operation inside it, and each Cypher statement inside that, with
 * the query's name, its rows and the time Neo4j reports for it. Without a
 * registered tracer provider (tracing.ts registers one only when an OTLP
 * endpoint is set) every call here is the API's no-op and costs next to nothing.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { context, isSpanContextValid, propagation, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import type { QueryResult } from "neo4j-driver";

const tracer = trace.getTracer("rapport");

/** Runs `handle` inside a server span for the request; the span ends when the response has been sent or the connection closed. */
export function traceHttpRequest(req: IncomingMessage, res: ServerResponse, route: string | undefined, handle: () => void): void {
  const parent = propagation.extract(context.active(), req.headers);
  const method = req.method ?? "GET";
  const span = tracer.startSpan(route ? `${method} ${route}` : method, {
    kind: SpanKind.SERVER,
    attributes: { "http.request.method": method, "url.path": req.url?.split("?")[0] ?? "/", ...(route ? { "http.route": route } : {}) },
  }, parent);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.setAttribute("http.response.status_code", res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once("finish", end);
  res.once("close", end);
  context.with(trace.setSpan(parent, span), handle);
}

/** Runs a GraphQL request inside an operation span; plugins/tracing.ts names it once the operation is known. */
export function traceGraphQL(run: () => Promise<void>): Promise<void> {
  return tracer.startActiveSpan("graphql", { kind: SpanKind.INTERNAL }, async (span) => {
    try {
      await run();
    } finally {
      span.end();
    }
  });
}

/** One Cypher statement as a client span: its query name, the rows it returned and the time Neo4j took (available + consumed). */
export function traceCypher(name: string, database: string | undefined, run: () => Promise<QueryResult>): Promise<QueryResult> {
  return tracer.startActiveSpan(name, {
    kind: SpanKind.CLIENT,
    attributes: { "db.system.name": "neo4j", "db.query.summary": name, ...(database ? { "db.namespace": database } : {}) },
  }, async (span: Span) => {
    try {
      const result = await run();
      const { resultAvailableAfter, resultConsumedAfter } = result.summary;
      span.setAttributes({
        "db.response.returned_rows": result.records.length,
        "rapport.db.time_ms": Number(resultAvailableAfter ?? 0) + Number(resultConsumedAfter ?? 0),
      });
      return result;
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The id of the trace the current request belongs to, for its log line; undefined when nothing is traced. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
