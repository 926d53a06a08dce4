/**
 * mergePeople beyond moving facts: keep's connection to the team is weighed
 * again from all the interactions it now has (it must equal what those
 * interactions give keep in a workspace where they were always keep's), and
 * keys that name merge follow it — those keep cannot take (keep has its own
 * email) are rewritten to name keep, with API keys and stored mutation
 * results; those keep takes stay, so that the same source read again finds
 * keep and its facts and creates nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { KEY_SEPARATOR } from "../../src/graph-document/normalize.js";
import { concernBound } from "../../src/scoring.js";
import { testDb, testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { evidenceBounds, rounded } from "../support/evidence-bounds.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const driver = testDriver();
const db = testDb(driver);
const workspace = uniqueWorkspace("merge-people");
const reference = uniqueWorkspace("merge-people-reference");
const rep = "rep@ourco.example";
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const [AT_1, AT_2, AT_3, AT_4, AT_5] = [day(3), day(10), day(12), day(5), day(20)];
const LI_URL = "https://linkedin.com/in/li-wei";

/** What LinkedIn and a mailbox said about Li Wei, by profile URL: read again after the merge, it must change nothing. */
const liSource = {
  version: 2,
  people: [{ profileUrl: LI_URL, name: "Li Wei" }],
  interactions: [{ user: rep, person: LI_URL, kind: "MEETING", at: AT_4 }],
  concerns: [{ person: LI_URL, topic: "Churn", text: "Renewal price", expressedAt: AT_4 }],
};

let server: TestServer;
let editor: Record<string, string>;
let janeHomeKeyId: string;

async function rows(cypher: string, params: Record<string, unknown> = {}, name = workspace) {
  const { records } = await driver.executeQuery(cypher, { workspace: name, ...params }, { database: testTarget().database });
  return records.map((r) => r.toObject());
}

const idOf = async (key: string) => (await rows("MATCH (p:Person {workspace: $workspace}) WHERE p.email = $key OR p.profileUrl = $key RETURN p.id AS id", { key }))[0]!.id as string;
const strength = async (key: string, name = workspace) =>
  (await rows("MATCH (:Person {workspace: $workspace, email: $rep})-[k:KNOWS]-(p:Person {workspace: $workspace}) WHERE p.email = $key RETURN k.strength AS s", { rep, key }, name))[0]?.s as number;
const merge = (keep: string, gone: string) =>
  gql(server.url, "mutation($keep: ID!, $merge: ID!) { mergePeople(keep: $keep, merge: $merge) { id email profileUrl } }", { keep, merge: gone }, editor);

beforeAll(async () => {
  const setup = await importGraphDocument(db, {
    version: 2,
    topics: [{ name: "Churn" }],
    users: [{ email: rep }],
    people: [{ email: rep }, { email: "jane@acme.example", name: "Jane Doe" }, { email: "jane@home.example", name: "Jane Doe" }, { email: "li.wei@corp.example", name: "Li Wei" }],
    interactions: [
      { user: rep, person: "jane@acme.example", kind: "MEETING", at: AT_1 },
      { user: rep, person: "jane@home.example", kind: "EMAIL", direction: "SENT", at: AT_2 },
      { user: rep, person: "jane@home.example", kind: "EMAIL", direction: "RECEIVED", at: AT_3 },
      { user: rep, person: "li.wei@corp.example", kind: "EMAIL", direction: "SENT", at: AT_5 },
    ],
    concerns: [{ person: "jane@home.example", topic: "Churn", text: "Too expensive", expressedAt: AT_2 }],
    promises: [{ person: "jane@home.example", text: "Send the price list", madeAt: AT_2 }],
  }, { workspace });
  expect(setup.ok).toBe(true);
  expect((await importGraphDocument(db, liSource, { workspace })).ok).toBe(true);
  server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey" });
  editor = bearer((await createApiKey(db, { workspace, email: rep, role: "EDITOR" })).key);
  janeHomeKeyId = (await createApiKey(db, { workspace, email: "jane@home.example", role: "READER" })).record.id;
});

afterAll(async () => {
  await server.stop();
  for (const name of [workspace, reference]) await wipeWorkspace(driver, name);
  await driver.close();
});

describe("mergePeople, keep with an email of its own", () => {
  it("weighs keep's connection again from all of its interactions, as if they had always been keep's", async () => {
    const upsert = `mutation { upsertPerson(input: { email: "jane@home.example", city: "Porto" }, idempotencyKey: "jane-home-city") { id } }`;
    const first = await gql(server.url, upsert, {}, editor);
    const [keep, gone] = [await idOf("jane@acme.example"), await idOf("jane@home.example")];
    expect(first.data!.upsertPerson.id).toBe(gone);
    const before = await strength("jane@acme.example");

    const merged = await merge(keep, gone);
    expect(merged.errors).toBeUndefined();

    expect((await importGraphDocument(db, {
      version: 2, users: [{ email: rep }], people: [{ email: rep }, { email: "jane@acme.example" }],
      interactions: [
        { user: rep, person: "jane@acme.example", kind: "MEETING", at: AT_1 },
        { user: rep, person: "jane@acme.example", kind: "EMAIL", direction: "SENT", at: AT_2 },
        { user: rep, person: "jane@acme.example", kind: "EMAIL", direction: "RECEIVED", at: AT_3 },
      ],
    }, { workspace: reference })).ok).toBe(true);
    const expected = await strength("jane@acme.example", reference);
    expect(expected).toBeGreaterThan(before);
    expect(await strength("jane@acme.example")).toBeCloseTo(expected, 6);
    expect(await rows("MATCH (:Person {workspace: $workspace, email: $rep})-[k:KNOWS]-(p {email: 'jane@acme.example'}) RETURN k.sentLowToHigh + k.sentHighToLow AS oneWay", { rep }))
      .toEqual([{ oneWay: expect.objectContaining({ low: 2 }) }]);

    // The stored result of a mutation that returned merge now returns keep.
    const replay = await gql(server.url, upsert, {}, editor);
    expect(replay.data!.upsertPerson.id).toBe(keep);
  });

  it("rewrites the concern, promise and interaction keys, API keys and recorders that named merge's email", async () => {
    const concerns = await rows("MATCH (p:Person {workspace: $workspace, email: 'jane@acme.example'})-[:VOICED]->(k:Concern) RETURN k.key AS key");
    expect(concerns.map((c) => (c.key as string).split(KEY_SEPARATOR)[0])).toEqual(["jane@acme.example"]);
    const promises = await rows("MATCH (pr:Promise {workspace: $workspace})-[:PROMISED_TO]->(:Person {email: 'jane@acme.example'}) RETURN pr.key AS key");
    expect(promises.map((p) => (p.key as string).split(KEY_SEPARATOR)[0])).toEqual(["jane@acme.example"]);
    const interactions = await rows("MATCH (i:Interaction {workspace: $workspace})-[:WITH]->(:Person {email: 'jane@acme.example'}) RETURN i.key AS key ORDER BY key");
    expect(interactions).toHaveLength(3);
    for (const { key } of interactions) expect((key as string).split(KEY_SEPARATOR).slice(0, 2)).toEqual(["jane@acme.example", rep]);
    expect(await rows("MATCH (n {workspace: $workspace}) WHERE n.key CONTAINS 'jane@home.example' RETURN count(n) AS n")).toEqual([{ n: expect.objectContaining({ low: 0 }) }]);
    // Her API key now signs in keep.
    expect(await rows("MATCH (k:ApiKey {workspace: $workspace, id: $id}) RETURN k.email AS email", { id: janeHomeKeyId })).toEqual([{ email: "jane@acme.example" }]);
  });

  it("adds merge's evidence bounds to keep's, as its concern moved", async () => {
    const jane = (await evidenceBounds(driver, workspace)).get("jane@acme.example")!;
    expect(rounded(jane.stored)).toEqual(rounded({ engagement: null, concern: concernBound(undefined, AT_2), employerEvents: null }));
    expect(rounded(jane.stored)).toEqual(rounded(jane.summed));
  });
});

describe("mergePeople, keep taking merge's profile URL", () => {
  it("leaves the keys that name the profile URL, so the same source read again finds keep and creates nothing", async () => {
    const [keep, gone] = [await idOf("li.wei@corp.example"), await idOf(LI_URL)];
    const merged = await merge(keep, gone);
    expect(merged.data!.mergePeople).toEqual({ id: keep, email: "li.wei@corp.example", profileUrl: LI_URL });
    const count = async () => (await rows(`MATCH (n {workspace: $workspace}) WHERE n:Person OR n:Interaction OR n:Concern
      RETURN count(n) AS n, count(CASE WHEN n:Concern AND n.key STARTS WITH $url THEN 1 END) AS byUrl`, { url: LI_URL }))[0];
    const before = await count();
    expect(before!.byUrl).toEqual(expect.objectContaining({ low: 1 }));
    const liStrength = await strength("li.wei@corp.example");

    expect((await importGraphDocument(db, liSource, { workspace })).ok).toBe(true);
    expect(await count()).toEqual(before);
    expect(await strength("li.wei@corp.example")).toBeCloseTo(liStrength, 6);
    expect(await rows("MATCH (p:Person {workspace: $workspace, profileUrl: $url})<-[:WITH]-(i:Interaction) RETURN p.id AS id, count(i) AS n", { url: LI_URL }))
      .toEqual([{ id: keep, n: expect.objectContaining({ low: 2 }) }]);
  });
});
