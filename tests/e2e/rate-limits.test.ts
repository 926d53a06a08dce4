/**
 * Rate limits per credential, through HTTP: each API key has its own token
 * bucket for /graphql, told in RateLimit-Limit / -Remaining / -Reset on every
 * answer; past the burst the answer is 429 RATE_LIMITED with Retry-After.
 * Tracking and imports keep budgets of their own. (How buckets refill is
 * tests/unit/rate-limit.test.ts, on a clock of its own: the rates here are
 * slow enough that nothing refills while a test runs.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { testDb, testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, post, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("rate-limits");
const driver = testDriver();
let server: TestServer;
let keys: { first: string; second: string; admin: string };

beforeAll(async () => {
  const db = testDb(driver);
  const create = async (role: "EDITOR" | "ADMIN") => (await createApiKey(db, { workspace, email: "rep@ourco.example", role })).key;
  keys = { first: await create("EDITOR"), second: await create("EDITOR"), admin: await create("ADMIN") };
  server = await startTestServer(workspace, testTarget(), {
    RAPPORT_AUTH: "apikey",
    RAPPORT_RATE_LIMIT_PER_S: "0.1", RAPPORT_RATE_LIMIT_BURST: "3",
    RAPPORT_TRACKING_RATE_LIMIT_PER_S: "0.1", RAPPORT_TRACKING_RATE_LIMIT_BURST: "2",
    RAPPORT_IMPORT_RATE_LIMIT_PER_S: "0.1", RAPPORT_IMPORT_RATE_LIMIT_BURST: "1",
  });
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

const QUERY = { query: '{ topic(name: "crm") { name } }' };
const limitHeaders = (headers: Headers) => ["ratelimit-limit", "ratelimit-remaining"].map((name) => headers.get(name));
/** Seconds until the next token at 0.1 a second: up to 10, less by what has refilled since the bucket ran dry. */
const retryAfter = (headers: Headers) => Number(headers.get("retry-after"));

describe("rate limits", () => {
  it("lets a key send its burst, then answers 429 with Retry-After", async () => {
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await post(server.url, QUERY, bearer(keys.first)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((answer) => limitHeaders(answer.headers))).toEqual([["3", "2"], ["3", "1"], ["3", "0"], ["3", "0"]]);
    expect(answers.slice(0, 3).map((answer) => answer.headers.get("retry-after"))).toEqual([null, null, null]);
    expect(retryAfter(answers[3]!.headers)).toBeGreaterThanOrEqual(5);
    expect(retryAfter(answers[3]!.headers)).toBeLessThanOrEqual(10);
    // Until the bucket is full again: three tokens at 0.1 a second.
    expect(Number(answers[3]!.headers.get("ratelimit-reset"))).toBeGreaterThan(20);
    expect(answers[3]!.body).toMatchObject({ errors: [{ extensions: { code: "RATE_LIMITED", retryAfter: retryAfter(answers[3]!.headers) } }] });
    expect(answers[3]!.body).not.toHaveProperty("data");

    // Another key has a bucket of its own.
    expect((await post(server.url, QUERY, bearer(keys.second))).status).toBe(200);
  });

  it("gives the tracking endpoint its own budget per write key", async () => {
    const track = () => fetch(`${server.origin}/v1/track`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${keys.second}:`).toString("base64")}` },
      body: JSON.stringify({ userId: "nobody@example.com", event: "Whitepaper Downloaded", properties: { url: "https://example.com/p" } }),
    });
    const statuses = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i += 1) {
      last = await track();
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(retryAfter(last!.headers)).toBeGreaterThanOrEqual(5);
    expect(await last!.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    // The same key's GraphQL budget was not spent by tracking.
    expect((await post(server.url, QUERY, bearer(keys.second))).status).toBe(200);
  });

  it("gives imports their own budget", async () => {
    const importDryRun = () => fetch(`${server.origin}/import?dryRun=true`, {
      method: "POST", headers: { "content-type": "application/json", ...bearer(keys.admin) }, body: JSON.stringify({ version: 1 }),
    });
    const first = await importDryRun();
    expect(first.status).not.toBe(429);
    const second = await importDryRun();
    expect(second.status).toBe(429);
    expect(retryAfter(second.headers)).toBeGreaterThanOrEqual(5);
    expect(await second.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
  });
});
