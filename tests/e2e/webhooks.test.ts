/**
 * Alerts out: a company segment "a Series B in the last 60 days where I know
 * someone" with a webhook to a real receiver on 127.0.0.1 that fails its first
 * deliveries and checks every signature. A Series B where the segment's owner
 * knows someone arrives, retried with the same event id; one where nobody is
 * known sends nothing; two servers on one database never make the same
 * attempt twice; a Series B written by the command-line import, which no
 * server sees, is heard of all the same, by one of them; a restart in the
 * middle of retries resumes them.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { isPrivateAddress } from "../../src/signals/addresses.js";
import { verifySignature } from "../../src/signals/signature.js";
import { runScript, testNeo4jEnv } from "../support/cli.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("webhooks");
const driver = testDriver();
const db = testDb(driver);
const SECRET = "a-secret-of-enough-length";
const FAST = { RAPPORT_AUTH: "apikey", RAPPORT_SIGNALS_DEBOUNCE_MS: "100", RAPPORT_SIGNALS_POLL_MS: "200", RAPPORT_WEBHOOK_RETRY_BASE_MS: "300", RAPPORT_WEBHOOK_TIMEOUT_MS: "2000" };
const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

interface Received { body: Record<string, any>; signed: boolean }
const received: Received[] = [];
let receiver: http.Server;
let receiverUrl: string;
let servers: TestServer[] = [];
let editor: Record<string, string>;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ body: JSON.parse(raw), signed: verifySignature(SECRET, raw, String(req.headers["rapport-signature"])) });
      res.writeHead(pendingFailure() ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  editor = bearer((await createApiKey(db, { workspace, email: "rep@ourco.example", role: "EDITOR" })).key);
  const imported = await importGraphDocument(db, {
    version: 1,
    companies: [{ domain: "northwind.io", name: "Northwind" }, { domain: "nobody.example", name: "Nobody" }, { domain: "acme.example", name: "Acme" }],
    people: [
      { email: "rep@ourco.example", name: "Riley Rep" },
      { email: "chuck@northwind.io", name: "Chuck", company: "northwind.io" },
      { email: "eve@nobody.example", name: "Eve", company: "nobody.example" },
      { email: "ann@acme.example", name: "Ann", company: "acme.example" },
    ],
    connections: [{ a: "rep@ourco.example", b: "chuck@northwind.io", strength: 0.7 }, { a: "rep@ourco.example", b: "ann@acme.example", strength: 0.6 }],
    users: [{ email: "rep@ourco.example" }],
  }, { workspace });
  expect(imported.ok).toBe(true);
});

/** The receiver answers 500 while `failing` says so. */
let failing = 0;
function pendingFailure(): boolean {
  if (failing <= 0) return false;
  failing -= 1;
  return true;
}

afterAll(async () => {
  for (const server of servers) await server.stop();
  receiver.close();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

async function ok(server: TestServer, query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await gql(server.url, query, variables, editor);
  expect(errors).toBeUndefined();
  return data!;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function seriesB(server: TestServer, domain: string) {
  const { company } = await ok(server, `query($d: String!) { company(domain: $d) { id } }`, { d: domain });
  await ok(server, `mutation($c: ID!, $at: DateTime!) { recordCompanyEvent(company: $c, type: FUNDING, stage: SERIES_B, amountUsd: 30000000, at: $at) { id } }`, { c: company.id, at: days(1) });
}

const watchVersion = async (segment: string) => {
  const { records } = await driver.executeQuery("MATCH (w:SegmentWatch {workspace: $workspace, segment: $segment}) RETURN w.version AS version", { workspace, segment });
  return records.length === 0 ? 0 : Number(records[0]!.get("version"));
};

describe("webhooks on segments", () => {
  let segment: string;
  let webhook: string;

  it("delivers a Series B where the owner knows someone, signed, retried with the same event id, once per attempt across two servers", async () => {
    servers = [await startTestServer(workspace, undefined, FAST), await startTestServer(workspace, undefined, FAST)];
    const [a] = servers as [TestServer, TestServer];
    const saved = await ok(a, `mutation($input: SegmentInput!) { saveSegment(input: $input) { id } }`, {
      input: { name: "Series B where I know someone", companies: { hadEvent: { types: ["FUNDING"], fundingStages: ["SERIES_B"], withinDays: 60 }, employs: { connectedTo: { maxHops: 1 } } } },
    });
    segment = saved.saveSegment.id;
    const created = await ok(a, `mutation($s: ID!, $url: String!, $secret: String!) { createWebhook(segment: $s, url: $url, secret: $secret) { id url segment { id } } }`, { s: segment, url: receiverUrl, secret: SECRET });
    webhook = created.createWebhook.id;
    expect(created.createWebhook.segment.id).toBe(segment);
    await until("the first evaluation", async () => (await watchVersion(segment)) >= 1);

    failing = 2;
    await seriesB(a, "nobody.example");
    await seriesB(a, "northwind.io");
    const delivered = await until("a delivery answered 200", async () => received.length >= 3 && received);
    const events = delivered.map((r) => r.body);
    expect(delivered.every((r) => r.signed)).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
    expect(events[0]).toMatchObject({ type: "segment.joined", segment: { id: segment, name: "Series B where I know someone" }, company: { name: "Northwind", domain: "northwind.io" } });
    expect(Date.parse(events[0]!.occurredAt)).toBeGreaterThan(0);
    expect(events.some((e) => e.company?.domain === "nobody.example")).toBe(false);

    const { segment: watched } = await until("the delivery recorded", async () => {
      const data = await ok(a, `query($s: ID!) { segment(id: $s) { webhooks { id deliveries { event type status attempts lastResponseStatus lastAttemptAt } } } }`, { s: segment });
      return data.segment.webhooks[0].deliveries[0]?.status === "DELIVERED" && data;
    });
    const [delivery] = watched.webhooks[0].deliveries;
    expect(delivery).toMatchObject({ event: events[0]!.id, type: "segment.joined", status: "DELIVERED", attempts: 3, lastResponseStatus: 200 });
    // Each attempt reached the receiver exactly once, though two servers were sending.
    expect(received.length).toBe(3);
  });

  it("hears of a Series B written by the command-line import, and delivers it once though two servers look", async () => {
    received.length = 0;
    const document = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rapport-webhooks-")), "globex.json");
    fs.writeFileSync(document, JSON.stringify({
      version: 1,
      companies: [{ domain: "globex.example", name: "Globex" }],
      people: [{ email: "gil@globex.example", name: "Gil", company: "globex.example" }],
      connections: [{ a: "rep@ourco.example", b: "gil@globex.example", strength: 0.8 }],
      events: [{ company: "globex.example", type: "FUNDING", stage: "SERIES_B", amountUsd: 20000000, occurredAt: days(2) }],
    }));
    const imported = await runScript("src/cli/import.ts", [document, "--workspace", workspace], testNeo4jEnv());
    expect(imported.code, imported.stderr).toBe(0);
    const delivered = await until("the imported Series B at the receiver", async () => received.length >= 1 && received);
    expect(delivered[0]!.body).toMatchObject({ type: "segment.joined", segment: { id: segment }, company: { domain: "globex.example" } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(received.length).toBe(1);
  });

  it("resumes pending retries after a restart, with the same event id", async () => {
    for (const server of servers) await server.stop();
    servers = [await startTestServer(workspace, undefined, FAST)];
    received.length = 0;
    failing = 1_000;
    await seriesB(servers[0]!, "acme.example");
    await until("a failed attempt", async () => received.length >= 1);
    await servers[0]!.stop();
    const attemptsBefore = received.length;
    failing = 0;
    servers = [await startTestServer(workspace, undefined, FAST)];
    const after = await until("the delivery after the restart", async () => received.length > attemptsBefore && received);
    expect(new Set(after.map((r) => r.body.id)).size).toBe(1);
    expect(after.at(-1)!.body).toMatchObject({ type: "segment.joined", company: { domain: "acme.example" } });
  });

  it("sends segment.left when a member leaves, without the name or email of someone forgotten, and refuses bad urls", async () => {
    const [server] = servers as [TestServer];
    const { saveSegment: people } = await ok(server, `mutation { saveSegment(input: { name: "My connections", people: { connectedTo: { maxHops: 1 } } }) { id } }`);
    await ok(server, `mutation($s: ID!, $url: String!) { createWebhook(segment: $s, url: $url, secret: "${SECRET}") { id } }`, { s: people.id, url: receiverUrl });
    await until("the people segment's first evaluation", async () => (await watchVersion(people.id)) >= 1);
    received.length = 0;
    const { person } = await ok(server, `{ person(email: "ann@acme.example") { id } }`);
    await ok(server, `mutation($p: ID!) { forgetPerson(id: $p) { engagements } }`, { p: person.id });
    await until("segment.left of both segments", async () => received.filter((r) => r.body.type === "segment.left").length >= 2);
    const left = received.filter((r) => r.body.type === "segment.left").map((r) => r.body);
    expect(left).toContainEqual(expect.objectContaining({ segment: { id: segment, name: "Series B where I know someone" }, company: expect.objectContaining({ domain: "acme.example" }), reasons: [] }));
    expect(left).toContainEqual(expect.objectContaining({ segment: { id: people.id, name: "My connections" }, person: { id: person.id, name: null, email: null }, reasons: [] }));

    const bad = await gql(server.url, `mutation($s: ID!) { createWebhook(segment: $s, url: "ftp://example.com/x", secret: "${SECRET}") { id } }`, { s: segment }, editor);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", path: ["url"] });
    const strict = await startTestServer(workspace, undefined, { ...FAST, RAPPORT_WEBHOOK_ALLOW_PRIVATE: "false" });
    servers.push(strict);
    const loopback = await gql(strict.url, `mutation($s: ID!, $url: String!) { createWebhook(segment: $s, url: $url, secret: "${SECRET}") { id } }`, { s: segment, url: receiverUrl }, editor);
    expect(loopback.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(loopback.errors?.[0]?.message).toMatch(/private or loopback/);
    expect(["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.20.0.1", "169.254.169.254", "::1", "fd00::1", "::ffff:127.0.0.1"].every(isPrivateAddress)).toBe(true);
    expect(["93.184.216.34", "2606:4700::1111", "172.32.0.1"].some(isPrivateAddress)).toBe(false);

    const deleted = await ok(server, `mutation($w: ID!) { deleteWebhook(id: $w) { id } }`, { w: webhook });
    expect(deleted.deleteWebhook.id).toBe(webhook);
    expect((await ok(server, `query($s: ID!) { segment(id: $s) { webhooks { id } } }`, { s: segment })).segment.webhooks).toEqual([]);
  });
});
