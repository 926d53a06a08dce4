/**
 * When Neo4j goes away the service says so quickly — /ready turns 503 and
 * queries fail with SERVICE_UNAVAILABLE (HTTP 503 when it is the API key
 * lookup that fails) — and it recovers by itself when Neo4j returns, without
 * a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testTarget, uniqueWorkspace } from "../support/db.js";
import { bearer, gql, post, startTestServer, type TestServer } from "../support/server.js";
import { TcpProxy } from "../support/tcp-proxy.js";

let proxy: TcpProxy;
let server: TestServer;
let keyed: TestServer;

beforeAll(async () => {
  const target = testTarget();
  const upstream = new URL(target.uri.replace(/^[a-z+]+:/, "http:"));
  proxy = await TcpProxy.start({ host: upstream.hostname, port: Number(upstream.port || 7687) });
  server = await startTestServer(uniqueWorkspace("availability"), { ...target, uri: `bolt://127.0.0.1:${proxy.port}` });
  keyed = await startTestServer(uniqueWorkspace("availability"), { ...target, uri: `bolt://127.0.0.1:${proxy.port}` }, { RAPPORT_AUTH: "apikey" });
});

afterAll(async () => {
  await server.stop();
  await keyed.stop();
  await proxy.cut();
});

const QUERY = '{ topic(name: "crm") { name } }';

async function ready(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.origin}/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("availability", () => {
  it("is ready while Neo4j answers", async () => {
    expect((await ready()).status).toBe(200);
    expect(await gql(server.url, QUERY)).toEqual({ data: { topic: null } });
  });

  it("reports 503 and fails queries fast with SERVICE_UNAVAILABLE while Neo4j is gone", async () => {
    await proxy.cut();
    const started = Date.now();
    const readiness = await ready();
    expect(readiness).toEqual({ status: 503, body: { status: "unavailable", reason: "Neo4j is not reachable" } });
    expect(Date.now() - started).toBeLessThan(5_000);

    const queried = Date.now();
    const result = await gql(server.url, QUERY);
    expect(result.errors?.[0]?.extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(result.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|bolt|127\.0\.0\.1/);
    expect(Date.now() - queried).toBeLessThan(5_000);

    const signingIn = Date.now();
    const refused = await post(keyed.url, { query: QUERY }, bearer(`rpk_${"k".repeat(43)}`));
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ errors: [{ extensions: { code: "SERVICE_UNAVAILABLE" } }] });
    expect(Date.now() - signingIn).toBeLessThan(5_000);
  });

  it("recovers without a restart when Neo4j is back", async () => {
    await proxy.restore();
    expect((await ready()).status).toBe(200);
    expect(await gql(server.url, QUERY)).toEqual({ data: { topic: null } });
  });
});
