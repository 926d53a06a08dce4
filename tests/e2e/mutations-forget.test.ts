/**
 * forgetPerson against a real Neo4j: a person with facts of every kind — some
 * imported, some recorded through the API, some recorded by them — is
 * forgotten in one mutation; a scan of the whole workspace then finds nothing
 * that mentions them (no node with their id or email, no property holding
 * either), while what belongs to others stays.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { toPlain } from "../../src/db/mapping.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("mutations-forget");
const driver = testDriver();
let server: TestServer;
let rep: Record<string, string>;
let asChuck: Record<string, string>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const db = testDb(driver);
  expect((await importGraphDocument(db, smallGraph(), { workspace })).ok).toBe(true);
  server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey" });
  rep = bearer((await createApiKey(db, { workspace, email: "rep@ourco.example", role: "EDITOR" })).key);
  asChuck = bearer((await createApiKey(db, { workspace, email: "chuck@northwind.io", role: "EDITOR" })).key);
  const found = await driver.executeQuery(
    "MATCH (n {workspace: $workspace}) WHERE n:Person OR n:Company RETURN coalesce(n.email, n.domain) AS key, n.id AS id", { workspace });
  for (const record of found.records) ids[record.get("key") as string] = record.get("id");
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

/** Every property of every node and relationship of the workspace, as text, for a plain substring scan. */
async function workspaceText(): Promise<string> {
  const result = await driver.executeQuery(
    "MATCH (n {workspace: $workspace}) RETURN labels(n) AS labels, properties(n) AS props, [(n)-[r]-() | [type(r), properties(r)]] AS rels",
    { workspace },
  );
  return JSON.stringify(result.records.map((record) => [record.get("labels"), toPlain(record.get("props")), toPlain(record.get("rels"))]));
}

describe("forgetPerson", () => {
  it("removes the person and every fact about them, and nothing mentions them afterwards", async () => {
    const chuck = ids["chuck@northwind.io"]!;
    const email = "chuck@northwind.io";
    const recorded = [
      await gql(server.url, `mutation($p: ID!) { recordConcern(person: $p, topic: "CRM", statement: "Wants a single view", at: "2026-05-01T00:00:00Z") { id } }`, { p: chuck }, rep),
      await gql(server.url, `mutation($w: ID!) { recordInteraction(with: $w, kind: CALL, at: "2026-05-02T00:00:00Z") { strength } }`, { w: chuck }, rep),
      await gql(server.url, `mutation($p: ID!) { makePromise(person: $p, text: "Only to Chuck") { id } }`, { p: chuck }, rep),
      await gql(server.url, `mutation($p: ID!, $c: ID!) { makePromise(person: $p, company: $c, text: "To Chuck and Northwind") { id } }`, { p: chuck, c: ids["northwind.io"] }, rep),
      await gql(server.url, `mutation { upsertPerson(input: { email: "chuck@northwind.io", title: "CEO" }) { id } }`, {}, rep),
      await gql(server.url, `mutation { upsertPerson(idempotencyKey: "chuck-upsert", input: { email: "chuck@northwind.io" }) { id } }`, {}, rep),
      // What Chuck recorded about others stays, without his name on it.
      await gql(server.url, `mutation($p: ID!) { recordConcern(person: $p, topic: "Churn", statement: "Erin worries about churn", at: "2026-05-03T00:00:00Z") { id } }`, { p: ids["erin@contoso.example"] }, asChuck),
      await gql(server.url, `mutation($c: ID!) { recordCompanyEvent(company: $c, type: EXPANSION, at: "2026-05-04T00:00:00Z") { id } }`, { c: ids["contoso.example"] }, asChuck),
    ];
    expect(recorded.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(await workspaceText()).toContain(chuck);

    const { data, errors } = await gql(server.url, `mutation($id: ID!) { forgetPerson(id: $id) {
      engagements concerns promises connections employments interests interactions unattributed idempotentResults apiKeys } }`, { id: chuck }, rep);
    expect(errors).toBeUndefined();
    expect(data!.forgetPerson).toEqual({
      engagements: 3, concerns: 2, promises: 2, connections: 2, employments: 1, interests: 2, interactions: 1,
      unattributed: 2, idempotentResults: 1, apiKeys: 1,
    });

    const text = await workspaceText();
    expect(text).not.toContain(chuck);
    expect(text.toLowerCase()).not.toContain(email);
    const people = await driver.executeQuery("MATCH (p:Person {workspace: $workspace}) RETURN p.email AS email ORDER BY email", { workspace });
    expect(people.records.map((r) => r.get("email"))).toEqual(["dana@northwind.io", "erin@contoso.example", "rep@ourco.example"]);

    // Others' facts stay: the promise also made to Northwind, Erin's concern, Contoso's event.
    const read = await gql(server.url, `query($n: ID, $e: ID) { company(id: $n) { promises { text } } person(id: $e) { concerns { text recordedBy { email } } } }`,
      { n: ids["northwind.io"], e: ids["erin@contoso.example"] }, rep);
    expect(read.data).toEqual({
      company: { promises: [{ text: "Send the churn benchmark before the QBR" }, { text: "To Chuck and Northwind" }] },
      person: { concerns: [{ text: "Erin worries about churn", recordedBy: null }] },
    });
  });

  it("is NOT_FOUND for an unknown id, and the forgotten person's key no longer signs in", async () => {
    const { errors } = await gql(server.url, `mutation { forgetPerson(id: "no-such-id") { concerns } }`, {}, rep);
    expect(errors?.map((e) => e.extensions.code)).toEqual(["NOT_FOUND"]);
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...asChuck }, body: JSON.stringify({ query: "{ viewer { id } }" }) });
    expect(response.status).toBe(401);
  });

  it("forgets someone known only by a profile URL, their URL gone from every key", async () => {
    const url = "https://linkedin.com/in/dana-forgotten";
    const imported = await importGraphDocument(testDb(driver), {
      version: 2,
      people: [{ profileUrl: url, name: "Dana", company: "Forgotten Works Ltd" }],
      companies: [{ name: "Forgotten Works Ltd" }],
      connections: [{ a: "rep@ourco.example", b: url, strength: 0.2 }],
      promises: [{ person: url, text: "Send Dana the deck", madeAt: "2026-05-01" }, { person: url, company: "Forgotten Works", text: "Both", madeAt: "2026-05-01" }],
    }, { workspace });
    expect(imported.ok ? [] : imported.problems).toEqual([]);
    const { data } = await gql(server.url, `{ person(profileUrl: "http://www.LinkedIn.com/in/Dana-Forgotten/") { id email profileUrl } }`, {}, rep);
    const dana = data!.person as { id: string; email: string | null; profileUrl: string };
    expect(dana).toMatchObject({ email: null, profileUrl: url });
    const forgotten = await gql(server.url, `mutation($id: ID!) { forgetPerson(id: $id) { promises connections employments } }`, { id: dana.id }, rep);
    expect(forgotten.data!.forgetPerson).toEqual({ promises: 1, connections: 1, employments: 1 });
    expect(await workspaceText()).not.toContain("dana-forgotten");
  });
});
