/**
 * Traces, sent to a small OTLP/HTTP receiver on loopback: a request carrying
 * a W3C traceparent continues that trace as HTTP request → GraphQL operation
 * → one span per Cypher statement (its query name, rows and Neo4j's time),
 * and the request's log line names the trace. Without an endpoint the SDK is
 * never loaded: only the API, whose calls are no-ops, is imported statically.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { PassThrough } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../../src/config.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { startServer } from "../../src/server.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes: { key: string; value: Record<string, unknown> }[] }

const workspace = uniqueWorkspace("tracing");
const driver = testDriver();
const received: OtlpSpan[] = [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (req.method === "POST" && req.url === "/v1/traces") {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      for (const resource of body.resourceSpans ?? []) for (const scope of resource.scopeSpans ?? []) received.push(...scope.spans);
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});

beforeAll(async () => {
  expect((await importGraphDocument(testDb(driver), smallGraph(), { workspace })).ok).toBe(true);
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  receiver.close();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value && Object.values(value)[0];
};

it("continues the caller's trace: HTTP request → GraphQL operation → each Cypher statement, exported over OTLP/HTTP", async () => {
  const { port } = receiver.address() as { port: number };
  const log = new PassThrough();
  const lines: string[] = [];
  log.on("data", (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  const config = { ...loadConfig({ RAPPORT_AUTH: "dev", OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` }), port: 0, workspace };
  const server = await startServer({ config, db: testDb(driver), logger: pino({ level: "info" }, log) });
  const traceId = randomBytes(16).toString("hex");
  const callerSpan = randomBytes(8).toString("hex");
  try {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: `00-${traceId}-${callerSpan}-01` },
      body: JSON.stringify({ query: `query Tracing { person(email: "chuck@northwind.io") { name company { name } } }` }),
    });
    expect(await response.json()).toEqual({ data: { person: { name: "Chuck Rivera", company: { name: "Northwind" } } } });
  } finally {
    await server.stop(); // sends the spans still buffered
  }

  const spans = received.filter((span) => span.traceId === traceId);
  const httpSpan = spans.find((span) => span.name === "POST /graphql")!;
  expect(httpSpan).toMatchObject({ parentSpanId: callerSpan, kind: 2 });
  expect(Number(attribute(httpSpan, "http.response.status_code"))).toBe(200);
  const operation = spans.find((span) => span.name === "query Tracing")!;
  expect(operation.parentSpanId).toBe(httpSpan.spanId);
  expect(attribute(operation, "graphql.operation.name")).toBe("Tracing");
  const statements = spans.filter((span) => span.parentSpanId === operation.spanId);
  expect(statements.map((span) => span.name)).toEqual(expect.arrayContaining(["person/by-emails", "person/employment"]));
  for (const statement of statements) {
    expect([statement.kind, attribute(statement, "db.system.name"), attribute(statement, "db.query.summary")]).toEqual([3, "neo4j", statement.name]);
    expect(Number(attribute(statement, "db.response.returned_rows"))).toBe(1);
    expect(Number(attribute(statement, "rapport.db.time_ms"))).toBeGreaterThanOrEqual(0);
  }
  const logged = lines.map((line) => JSON.parse(line)).find((line) => line.msg === "graphql request");
  expect(logged).toMatchObject({ operationName: "Tracing", traceId });
});

it("loads nothing of OpenTelemetry but its API statically: the SDK and exporter only by dynamic import, when an endpoint is set", () => {
  const files = fs.readdirSync(path.join(PROJECT_ROOT, "src"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  const staticImports = files.flatMap((file) => [...fs.readFileSync(path.join(PROJECT_ROOT, "src", file), "utf8").matchAll(/^import[^;]*from "(@opentelemetry\/[^"]+)"/gm)].map((match) => match[1]));
  expect(new Set(staticImports)).toEqual(new Set(["@opentelemetry/api"]));
});
