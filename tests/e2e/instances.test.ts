/**
 * Rapport keeps no state of its own but in Neo4j, so instances behind a load
 * balancer are interchangeable. Two instances on one database, both through
 * the routing driver (a neo4j:// URI, reads in read transactions): a write
 * through one is read through the other with the bookmark it answered; an
 * idempotency key used on one is honoured on the other; a malformed bookmark
 * is refused with a code. (Scheduled work runs once across instances:
 * tests/integration/turns.test.ts; webhook deliveries: tests/e2e/webhooks.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { post, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("instances");
const driver = testDriver();
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  const routed = { ...testTarget(), uri: testTarget().uri.replace(/^bolt:/, "neo4j:") };
  expect(routed.uri).toMatch(/^neo4j:\/\//);
  [a, b] = await Promise.all([startTestServer(workspace, routed), startTestServer(workspace, routed)]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

const UPSERT = `mutation($email: String!, $key: String) { upsertPerson(input: { email: $email, name: "Ada Lovelace" }, idempotencyKey: $key) { id email } }`;
const READ = `query($email: String!) { person(email: $email) { id name } }`;

describe("two instances on one Neo4j, through neo4j://", () => {
  it("reads through one instance what was written through the other, after the bookmark the write answered", async () => {
    const written = await post(a.url, { query: UPSERT, variables: { email: "ada@example.com" } });
    expect(written.status).toBe(200);
    const bookmark = written.headers.get("rapport-bookmark");
    expect(bookmark).toMatch(/^[A-Za-z0-9:+/=_-]+(,[A-Za-z0-9:+/=_-]+)*$/);

    const read = await post(b.url, { query: READ, variables: { email: "ada@example.com" } }, { "rapport-bookmark": bookmark! });
    expect(read.body).toEqual({ data: { person: { id: (written.body as any).data.upsertPerson.id, name: "Ada Lovelace" } } });
    // A query is not a write: it gives no bookmark to carry.
    expect(read.headers.get("rapport-bookmark")).toBeNull();
  });

  it("honours an idempotency key on the other instance", async () => {
    const first = await post(a.url, { query: UPSERT, variables: { email: "grace@example.com", key: "upsert-grace" } });
    const again = await post(b.url, { query: UPSERT, variables: { email: "grace@example.com", key: "upsert-grace" } });
    expect(again.body).toEqual(first.body);
    const { records } = await driver.executeQuery("MATCH (r:IdempotentResult {workspace: $workspace, key: 'upsert-grace'}) RETURN count(r) AS n", { workspace });
    expect(Number(records[0]!.get("n"))).toBe(1);
  });

  it("refuses a malformed bookmark with a code, before reading", async () => {
    const refused = await post(b.url, { query: READ, variables: { email: "ada@example.com" } }, { "rapport-bookmark": "not a bookmark!" });
    expect(refused.status).toBe(400);
    expect((refused.body as any).errors[0].extensions.code).toBe("BAD_REQUEST");
    expect((refused.body as any).errors[0].message).toMatch(/rapport-bookmark/);
    // Well formed, but not one this database gave.
    const unknown = await post(b.url, { query: READ, variables: { email: "ada@example.com" } }, { "rapport-bookmark": "FB:notabookmarkofthisdatabase" });
    expect((unknown.body as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });
});
