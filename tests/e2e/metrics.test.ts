/**
 * GET /metrics: after a few requests, some of them refused, the Prometheus
 * text counts them by operation (known names only), times them (and their
 * wait on Neo4j), counts errors and refusals by code, and passes Prometheus's
 * own linter, `promtool check metrics` (Debian's `prometheus` package; .ci/run
 * installs it; where it cannot be had, that test is skipped and says so).
 * With RAPPORT_METRICS=false there is no endpoint.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueWorkspace } from "../support/db.js";
import { bearer, gql, post, startTestServer, type TestServer } from "../support/server.js";

const PROMTOOL = spawnSync("promtool", ["--version"]).status === 0;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(uniqueWorkspace("metrics"), undefined, { RAPPORT_METRICS_OPERATIONS: "Lookup,TooFar" });
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

  it("labels by name only the operations it was told of: any other name is other, so a client cannot add series", async () => {
    const before = await samples();
    for (let i = 0; i < 20; i++) expect((await gql(server.url, `query Invented${i} { topic(name: "CRM") { name } }`)).errors).toBeUndefined();
    expect((await gql(server.url, `{ topic(name: "CRM") { name } }`)).errors).toBeUndefined();
    const after = await samples();
    expect([...after.keys()].filter((name) => name.includes("Invented"))).toEqual([]);
    const counted = (labels: string) => (after.get(`rapport_graphql_requests_total{${labels}}`) ?? 0) - (before.get(`rapport_graphql_requests_total{${labels}}`) ?? 0);
    expect([counted('operation="other",type="query"'), counted('operation="anonymous",type="query"')]).toEqual([20, 1]);
  });

  it("counts every request refused before its operation ran, by code", async () => {
    const before = await samples();
    const csrf = await fetch(`${server.url}?query=${encodeURIComponent("{ __typename }")}`);
    const batch = await post(server.url, [{ query: "{ __typename }" }, { query: "{ __typename }" }]);
    const unsigned = await post(server.url, { query: "{ __typename }" }, bearer("rpk_not-a-key"));
    const tooDeep = await post(server.url, { query: "{ people(first: 5000) { totalCount } }" });
    const unparsable = await post(server.url, { query: "{" });
    expect([csrf.status, batch.status, unsigned.status, tooDeep.status, unparsable.status]).toEqual([400, 400, 401, 400, 200]);
    const after = await samples();
    const refused = (code: string) => (after.get(`rapport_graphql_refusals_total{code="${code}"}`) ?? 0) - (before.get(`rapport_graphql_refusals_total{code="${code}"}`) ?? 0);
    expect(Object.fromEntries(["BAD_REQUEST", "BATCH_TOO_LARGE", "UNAUTHENTICATED", "BAD_USER_INPUT", "GRAPHQL_PARSE_FAILED"].map((code) => [code, refused(code)]))).toEqual({
      BAD_REQUEST: 1, BATCH_TOO_LARGE: 1, UNAUTHENTICATED: 1, BAD_USER_INPUT: 1, GRAPHQL_PARSE_FAILED: 1,
    });
  });

  it.skipIf(!PROMTOOL)("passes promtool check metrics", async () => {
    await gql(server.url, `query Lookup { topic(name: "CRM") { name } }`);
    const text = await (await fetch(`${server.origin}/metrics`)).text();
    const checked = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
    expect({ status: checked.status, problems: `${checked.stdout}${checked.stderr}`.trim() }).toEqual({ status: 0, problems: "" });
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

if (!PROMTOOL) console.warn("[metrics] no promtool found (apt-get install prometheus): the promtool check is skipped");
