/**
 * The Segment tracking API, driven by Segment's own Node client pointed at a
 * test server: identify, group, track and page calls, flushed as a batch,
 * become people, companies, content and engagements; write keys are checked;
 * payload limits are Segment's; events about unknown people are accepted and
 * counted; a replayed message records nothing new, and message ids are
 * forgotten after the days they are kept; the event table is the
 * workspace's to change.
 */
import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { forgetOldMessages } from "../../src/tracking/retention.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { fingerprint } from "../support/fingerprint.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("tracking");
const driver = testDriver();
const db = testDb(driver);
let server: TestServer;
let writeKey: string;
let readerKey: string;

beforeAll(async () => {
  server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey" });
  writeKey = (await createApiKey(db, { workspace, email: "rep@ourco.example", role: "EDITOR" })).key;
  readerKey = (await createApiKey(db, { workspace, email: "rep@ourco.example", role: "READER" })).key;
  const imported = await importGraphDocument(db, {
    version: 1,
    topics: [{ name: "CRM", aliases: ["customer relationship management"] }],
    people: [{ email: "rep@ourco.example", name: "Riley Rep" }, { email: "dana@known.example", name: "Dana Known" }],
    users: [{ email: "rep@ourco.example" }],
  }, { workspace });
  expect(imported.ok).toBe(true);
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

function client(key = writeKey) {
  return new Analytics({ writeKey: key, host: server.origin, flushAt: 50, flushInterval: 60_000, maxRetries: 0 });
}

/** A raw request; `key` null sends no Basic credentials. */
async function send(path: string, body: unknown, key: string | null = writeKey, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...extra };
  if (key !== null) headers.authorization = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
  const response = await fetch(`${server.origin}${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function graph(query: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(query, { workspace, ...params });
  return records.map((record) => record.toObject());
}

async function stats() {
  const { data, errors } = await gql(server.url, "{ trackingStats { messages recorded unmatched ignored lastReceivedAt } }", {}, bearer(readerKey));
  expect(errors).toBeUndefined();
  return data!.trackingStats;
}

describe("the Segment tracking API", () => {
  it("turns identify, group, track and page calls from Segment's client into the graph", async () => {
    const analytics = client();
    const errors: unknown[] = [];
    analytics.on("error", (error) => errors.push(error));
    analytics.identify({ userId: "user-42", traits: { email: "Chuck@Northwind.io", name: "Chuck Rivera", title: "CEO", company: { name: "Northwind" } } });
    analytics.group({ userId: "user-42", groupId: "g-1", traits: { website: "https://www.northwind.io/about", name: "Northwind", industry: "Software", employees: 120 } });
    analytics.track({
      userId: "user-42", event: "Whitepaper Downloaded", timestamp: new Date("2026-11-02T10:00:00Z"),
      properties: { url: "https://example.com/papers/renewals?utm_source=mail#top", title: "The Renewal Playbook", kind: "white paper", topics: ["customer relationship management", "Churn"] },
    });
    analytics.page({ userId: "dana@known.example", name: "Pricing", timestamp: new Date("2026-11-03T10:00:00Z"), properties: { url: "https://ourco.example/pricing" } });
    analytics.track({ userId: "stranger@nowhere.example", event: "Webinar Attended", properties: { url: "https://example.com/webinars/1" } });
    await analytics.closeAndFlush({ timeout: 20_000 });
    expect(errors).toEqual([]);

    const [chuck] = await graph(`MATCH (p:Person {workspace: $workspace, email: "chuck@northwind.io"})-[w:WORKS_AT]->(c:Company)
      RETURN p.name AS name, p.title AS title, c.domain AS domain, c.name AS company, c.industry AS industry, c.headcount AS headcount, w.until AS until`);
    expect(chuck).toMatchObject({ name: "Chuck Rivera", title: "CEO", domain: "northwind.io", company: "Northwind", industry: "Software", until: null });
    expect(Number(chuck!.headcount)).toBe(120);

    const engagements = await graph(`MATCH (p:Person {workspace: $workspace})-[e:ENGAGED]->(c:Content)
      OPTIONAL MATCH (c)-[:ABOUT]->(t:Topic)
      WITH p, e, c, collect(t.name) AS topics ORDER BY p.email
      RETURN p.email AS email, e.action AS action, toString(e.at) AS at, c.url AS url, c.title AS title, c.kind AS kind, topics`);
    expect(engagements).toEqual([
      { email: "chuck@northwind.io", action: "DOWNLOADED", at: "2026-11-02T10:00:00Z", url: "https://example.com/papers/renewals", title: "The Renewal Playbook", kind: "WHITE_PAPER", topics: expect.arrayContaining(["CRM", "Churn"]) },
      { email: "dana@known.example", action: "READ", at: "2026-11-03T10:00:00Z", url: "https://ourco.example/pricing", title: "Pricing", kind: null, topics: [] },
    ]);
    expect(await graph("MATCH (t:Topic {workspace: $workspace}) RETURN count(t) AS topics")).toEqual([{ topics: expect.anything() }]);
    expect((await graph("MATCH (p:Person {workspace: $workspace, email: 'stranger@nowhere.example'}) RETURN p"))).toEqual([]);
    expect(await stats()).toMatchObject({ messages: 5, recorded: 4, unmatched: 1, ignored: 0 });
  });

  it("refuses a missing, unknown or reader's write key with a stable code, before writing", async () => {
    const before = await fingerprint(driver, workspace);
    const event = { userId: "dana@known.example", event: "Content Viewed", properties: { url: "https://example.com/x" } };
    expect(await send("/v1/track", event, null)).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(await send("/v1/track", event, "rpk_not-a-real-key")).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(await send("/v1/track", event, "not-even-a-key")).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(await send("/v1/track", event, readerKey)).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    const bearerOnly = await send("/v1/track", event, null, bearer(writeKey));
    expect(bearerOnly.status).toBe(401);
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("refuses oversized and invalid payloads with 400, writing nothing", async () => {
    const before = await fingerprint(driver, workspace);
    const big = { userId: "dana@known.example", event: "Content Viewed", properties: { url: "https://example.com/x", padding: "x".repeat(33 * 1024) } };
    const single = await send("/v1/track", big);
    expect(single).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
    const inBatch = await send("/v1/batch", { batch: [{ ...big, type: "track" }] });
    expect(inBatch.status).toBe(400);
    expect(inBatch.body.error.message).toMatch(/batch\[0\].*32 KB/);
    const small = (n: number) => ({ type: "track", userId: "dana@known.example", event: "Content Viewed", properties: { url: `https://example.com/${n}`, padding: "y".repeat(20_000) } });
    const tooMany = await send("/v1/batch", { batch: Array.from({ length: 30 }, (_, n) => small(n)) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/500 KB/);
    const noEvent = await send("/v1/batch", { batch: [{ type: "track", userId: "dana@known.example" }] });
    expect([noEvent.status, noEvent.body.error.message]).toEqual([400, expect.stringMatching(/^batch\[0\]\.event/)]);
    const anonymous = await send("/v1/identify", { traits: { email: "x@y.example" } });
    expect([anonymous.status, anonymous.body.error.message]).toEqual([400, expect.stringMatching(/userId or anonymousId/)]);
    expect((await send("/v1/track", "{ not json")).status).toBe(400);
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("records a replayed message once, counts unmatched events in /metrics, and answers them as accepted", async () => {
    const message = { type: "track", messageId: "replay-1", userId: "dana@known.example", event: "Content Shared", timestamp: "2026-11-04T09:00:00Z", properties: { url: "https://example.com/shared" } };
    const unmatched = { type: "track", messageId: "unmatched-1", anonymousId: "anon-1", event: "Content Shared", properties: { url: "https://example.com/shared" } };
    const first = await send("/v1/batch", { batch: [message, unmatched, message] });
    expect(first).toMatchObject({ status: 200, body: { success: true, messages: 3, recorded: 1, unmatched: 1, duplicates: 1 } });
    const before = await fingerprint(driver, workspace);
    const again = await send("/v1/batch", { batch: [message, unmatched] });
    expect(again).toMatchObject({ status: 200, body: { success: true, recorded: 0, unmatched: 0, duplicates: 2 } });
    expect(await fingerprint(driver, workspace)).toBe(before);
    // Another message id for the same engagement (person, content, action, time) is the same engagement.
    await send("/v1/track", { ...message, messageId: "replay-2" });
    expect(await graph("MATCH (:Person {workspace: $workspace, email: 'dana@known.example'})-[e:ENGAGED {action: 'SHARED'}]->() RETURN count(e) AS n")).toEqual([{ n: expect.objectContaining({ low: 1 }) }]);

    const metrics = await (await fetch(`${server.origin}/metrics`)).text();
    expect(metrics).toMatch(/rapport_tracking_messages_total\{type="track",outcome="unmatched"\} [1-9]/);
    expect(metrics).toMatch(/rapport_tracking_messages_total\{type="track",outcome="duplicate"\} [1-9]/);
  });

  it("forgets message ids after the days they are kept, and a later replay still writes no second engagement", async () => {
    const message = { type: "track", messageId: "kept-1", userId: "dana@known.example", event: "Content Liked", timestamp: "2026-11-06T09:00:00Z", properties: { url: "https://example.com/liked" } };
    expect((await send("/v1/track", message)).body).toMatchObject({ recorded: 1 });
    const counted = (await stats()).messages;
    await graph("MATCH (m:TrackedMessage {workspace: $workspace, messageId: 'kept-1'}) SET m.receivedAt = datetime() - duration('P8D')");

    expect(await forgetOldMessages(db, 7)).toBeGreaterThanOrEqual(1);
    expect(await graph("MATCH (m:TrackedMessage {workspace: $workspace}) WHERE m.messageId IN ['kept-1', 'replay-1'] RETURN m.messageId AS id")).toEqual([{ id: "replay-1" }]);
    expect((await stats()).messages).toBe(counted - 1);

    expect((await send("/v1/track", message)).body).toMatchObject({ duplicates: 0 });
    expect(await graph("MATCH (:Person {workspace: $workspace, email: 'dana@known.example'})-[e:ENGAGED {action: 'LIKED'}]->() RETURN count(e) AS n")).toEqual([{ n: expect.objectContaining({ low: 1 }) }]);
  });

  it("lets an EDITOR change the workspace's event table, which the next events follow", async () => {
    const set = await gql(server.url, `mutation { setTrackingActions(actions: [{ event: "demo requested", action: ATTENDED }, { event: "Content Viewed" }]) { event action custom } }`, {}, bearer(writeKey));
    expect(set.errors).toBeUndefined();
    expect(set.data!.setTrackingActions).toEqual(expect.arrayContaining([
      { event: "demo requested", action: "ATTENDED", custom: true }, { event: "Content Viewed", action: null, custom: true },
      { event: "Webinar Attended", action: "ATTENDED", custom: false },
    ]));
    const refused = await gql(server.url, `mutation { setTrackingActions(actions: []) { event } }`, {}, bearer(readerKey));
    expect(refused.errors?.[0]?.extensions.code).toBe("FORBIDDEN");

    const sent = await send("/v1/batch", { batch: [
      { type: "track", userId: "dana@known.example", event: "Demo Requested", timestamp: "2026-11-05T09:00:00Z", properties: { url: "https://ourco.example/demo" } },
      { type: "track", userId: "dana@known.example", event: "Content Viewed", properties: { url: "https://ourco.example/blog" } },
    ] });
    expect(sent.body).toMatchObject({ recorded: 1, ignored: 1 });
    const actions = await graph("MATCH (:Person {workspace: $workspace, email: 'dana@known.example'})-[e:ENGAGED]->(c) RETURN e.action AS action, c.url AS url ORDER BY url");
    expect(actions).toContainEqual({ action: "ATTENDED", url: "https://ourco.example/demo" });
    expect(actions.map((a) => a.url)).not.toContain("https://ourco.example/blog");
    const reset = await gql(server.url, `mutation { setTrackingActions(actions: []) { custom } }`, {}, bearer(writeKey));
    expect(reset.data!.setTrackingActions.every((entry: { custom: boolean }) => !entry.custom)).toBe(true);
  });
});
