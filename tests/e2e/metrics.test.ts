/**
 * GET /metrics: after a few requests, one of them refused, the Prometheus
 * text counts them by operation, times them (and their wait on Neo4j), and
 * counts errors by code; with RAPPORT_METRICS=false there is no endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueWorkspace } from "../support/db.js";
import { gql, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(uniqueWorkspace("metrics"));
});

afterAll(async () => {
  await server.stop();
});

/** The samples of the exposition text, by metric name and labels as written. */
async function samples(): Promise<Map<string, number>> {
  const response = await fetch(`${server.origin}/metrics`);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
  const lines = (await response.text()).split("\n").filter((line) => line && !line.startsWith("#"));
  return new Map(lines.map((line) => {
    const at = line.lastIndexOf(" ");
    return [line.slice(0, at), Number(line.slice(at + 1))] as const;
  }));
}

describe("metrics", () => {
  it("counts and times requests by operation, and errors by code", async () => {
    for (let i = 0; i < 3; i++) expect((await gql(server.url, `query Lookup { topic(name: "CRM") { name } }`)).errors).toBeUndefined();
    const refused = await gql(server.url, `query TooFar { people(where: { connectedTo: { maxHops: 9 } }) { totalCount } }`);
    expect(refused.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");

    const metrics = await samples();
    expect(metrics.get('rapport_graphql_requests_total{operation="Lookup",type="query"}')).toBe(3);
    expect(metrics.get('rapport_graphql_requests_total{operation="TooFar",type="query"}')).toBe(1);
    expect(metrics.get('rapport_graphql_request_duration_seconds_count{operation="Lookup",type="query"}')).toBe(3);
    expect(metrics.get('rapport_graphql_request_duration_seconds_sum{operation="Lookup",type="query"}')).toBeGreaterThan(0);
    expect(metrics.get('rapport_neo4j_seconds_per_request_count{operation="Lookup"}')).toBe(3);
    expect(metrics.get('rapport_neo4j_seconds_per_request_sum{operation="Lookup"}')).toBeGreaterThan(0);
    expect(metrics.get('rapport_neo4j_seconds_per_request_sum{operation="TooFar"}')).toBe(0);
    expect(metrics.get('rapport_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(metrics.get("rapport_process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("is off with RAPPORT_METRICS=false", async () => {
    const quiet = await startTestServer(uniqueWorkspace("metrics-off"), undefined, { RAPPORT_METRICS: "false" });
    try {
      expect((await fetch(`${quiet.origin}/metrics`)).status).toBe(404);
    } finally {
      await quiet.stop();
    }
  });
});
