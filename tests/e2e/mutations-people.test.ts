/**
 * Mutations on people, companies and connections, over HTTP against a real
 * Neo4j: each writes and is read back through the query API; bad input is
 * BAD_USER_INPUT with the field's path and writes nothing; unknown ids are
 * NOT_FOUND; twenty identical requests at once record one fact; a READER may
 * not mutate at all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { fingerprint } from "../support/fingerprint.js";
import { documentedStrength } from "../support/in-memory/strength.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("mutations-people");
const driver = testDriver();
let server: TestServer;
let editor: Record<string, string>;
let reader: Record<string, string>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const db = testDb(driver);
  expect((await importGraphDocument(db, smallGraph(), { workspace })).ok).toBe(true);
  server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey" });
  editor = bearer((await createApiKey(db, { workspace, email: "rep@ourco.example", role: "EDITOR" })).key);
  reader = bearer((await createApiKey(db, { workspace, email: "rep@ourco.example", role: "READER" })).key);
  const people = await driver.executeQuery("MATCH (p:Person {workspace: $workspace}) RETURN p.email AS email, p.id AS id", { workspace });
  for (const record of people.records) ids[(record.get("email") as string).split("@")[0]!] = record.get("id");
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

const send = (query: string, variables: Record<string, unknown> = {}, headers = editor) => gql(server.url, query, variables, headers);
const CONNECTION = "people { email } strength since lastInteractionAt recordedBy { email } recordedAt";

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const result = await driver.executeQuery(cypher, { workspace, ...params });
  return Number(result.records[0]!.get(0));
}

describe("upsertPerson and upsertCompany", () => {
  it("create a person keyed by lower-cased email, with employer and interests, readable through Query.person", async () => {
    const { data, errors } = await send(`mutation($input: PersonInput!) { upsertPerson(input: $input) { id email name title } }`, {
      input: { email: " Nora@Northwind.IO ", name: "Nora North", title: "CFO", company: "NorthWind.io", since: "2025-01-01", interests: [{ topic: "attrition", weight: 0.9 }] },
    });
    expect(errors).toBeUndefined();
    expect(data!.upsertPerson).toMatchObject({ email: "nora@northwind.io", name: "Nora North", title: "CFO" });
    const read = await send(`query($id: ID) { person(id: $id) { email company { domain } employment { since } interests { weight topic { name } } } }`, { id: data!.upsertPerson.id });
    expect(read.data!.person).toEqual({
      email: "nora@northwind.io", company: { domain: "northwind.io" }, employment: { since: "2025-01-01T00:00:00.000Z" },
      interests: [{ weight: 0.9, topic: { name: "Churn" } }],
    });
  });

  it("update only the fields given, keeping the id", async () => {
    const first = await send(`mutation { upsertPerson(input: { email: "nora@northwind.io", city: "Oslo" }) { id name city } }`);
    expect(first.data!.upsertPerson).toMatchObject({ name: "Nora North", city: "Oslo" });
    expect(await count("MATCH (p:Person {workspace: $workspace, email: 'nora@northwind.io'}) RETURN count(p)")).toBe(1);
  });

  it("upsert a company by domain, headcount included", async () => {
    const { data } = await send(`mutation { upsertCompany(input: { domain: "Fabrikam.EXAMPLE", name: "Fabrikam", headcount: 40, status: PROSPECT }) { id domain } }`);
    expect(data!.upsertCompany.domain).toBe("fabrikam.example");
    const read = await send(`{ company(domain: "fabrikam.example") { id name headcount status } }`);
    expect(read.data!.company).toEqual({ id: data!.upsertCompany.id, name: "Fabrikam", headcount: 40, status: "PROSPECT" });
  });

  it("refuse bad input with the field's path, and unknown references as NOT_FOUND, writing nothing", async () => {
    const before = await fingerprint(driver, workspace);
    const cases: [string, Record<string, unknown>, unknown[]][] = [
      ["upsertPerson", { email: "not an email" }, ["input", "email"]],
      ["upsertPerson", { email: "x@y.example", location: { latitude: 91, longitude: 0 } }, ["input", "location", "latitude"]],
      ["upsertPerson", { email: "x@y.example", interests: [{ topic: "CRM", weight: 1.5 }] }, ["input", "interests", 0, "weight"]],
      ["upsertPerson", { email: "x@y.example", name: "  " }, ["input", "name"]],
      ["upsertPerson", { email: `${"x".repeat(300)}@y.example` }, ["input", "email"]],
      ["upsertCompany", { domain: "no-dot" }, ["input", "domain"]],
      ["upsertCompany", { domain: `${"x".repeat(300)}.example` }, ["input", "domain"]],
      ["upsertCompany", { domain: "ok.example", headcount: -1 }, ["input", "headcount"]],
    ];
    for (const [field, input, path] of cases) {
      const type = field === "upsertPerson" ? "PersonInput" : "CompanyInput";
      const { errors } = await send(`mutation($input: ${type}!) { ${field}(input: $input) { id } }`, { input });
      expect(errors?.map((e) => [e.extensions.code, e.extensions.path]), JSON.stringify(input)).toEqual([["BAD_USER_INPUT", path]]);
    }
    const unknown = await send(`mutation { upsertPerson(input: { email: "x@y.example", company: "nowhere.example", interests: [{ topic: "Knitting" }] }) { id } }`);
    expect(unknown.errors?.map((e) => e.extensions.code)).toEqual(["NOT_FOUND"]);
    expect(unknown.errors![0]!.message).toContain("nowhere.example");
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("upsert a person known by profile URL alone, give them an email later, and refuse a profile URL that is someone else's", async () => {
    const made = await send(`mutation { upsertPerson(input: { profileUrl: "http://www.LinkedIn.com/in/Lin-Park/", name: "Lin Park" }) { id email profileUrl name } }`);
    expect(made.errors).toBeUndefined();
    expect(made.data!.upsertPerson).toMatchObject({ email: null, profileUrl: "https://linkedin.com/in/lin-park", name: "Lin Park" });
    const id = made.data!.upsertPerson.id;
    const again = await send(`mutation { upsertPerson(input: { profileUrl: "https://linkedin.com/in/lin-park", title: "CTO" }) { id name title } }`);
    expect(again.data!.upsertPerson).toEqual({ id, name: "Lin Park", title: "CTO" });
    const emailed = await send(`mutation { upsertPerson(input: { email: "Lin@Park.example", profileUrl: "https://linkedin.com/in/lin-park/" }) { id email } }`);
    expect(emailed.data!.upsertPerson).toEqual({ id, email: "lin@park.example" });

    const before = await fingerprint(driver, workspace);
    const taken = await send(`mutation { upsertPerson(input: { email: "someone@else.example", profileUrl: "https://linkedin.com/in/lin-park" }) { id } }`);
    expect(taken.errors?.map((e) => [e.extensions.code, e.extensions.path])).toEqual([["BAD_USER_INPUT", ["input", "profileUrl"]]]);
    expect(taken.errors![0]!.message).toContain("lin@park.example");
    const neither = await send(`mutation { upsertPerson(input: { name: "Nobody" }) { id } }`);
    expect(neither.errors?.map((e) => [e.extensions.code, e.extensions.path])).toEqual([["BAD_USER_INPUT", ["input", "email"]]]);
    expect(await fingerprint(driver, workspace)).toBe(before);
  });
});

describe("connections", () => {
  it("connectPeople stores the pair once, lower email first, and the viewer reads it", async () => {
    const { data, errors } = await send(`mutation($a: ID!, $b: ID!) { connectPeople(a: $a, b: $b, strength: 0.6, since: "2024-03-01") { ${CONNECTION} } }`, { a: ids.rep, b: ids.erin });
    expect(errors).toBeUndefined();
    expect(data!.connectPeople).toMatchObject({
      people: [{ email: "erin@contoso.example" }, { email: "rep@ourco.example" }], strength: 0.6, since: "2024-03-01T00:00:00.000Z",
      recordedBy: { email: "rep@ourco.example" },
    });
    expect(Date.now() - Date.parse(data!.connectPeople.recordedAt)).toBeLessThan(60_000);
    const read = await send(`query($id: ID!) { introductionPaths(to: $id, maxHops: 1) { strengths } }`, { id: ids.erin });
    expect(read.data!.introductionPaths).toEqual([{ strengths: [0.6] }]);
  });

  it("connectPeople refuses strengths outside [0, 1], a future since, the same person twice and unknown ids", async () => {
    const before = await fingerprint(driver, workspace);
    const cases: [Record<string, unknown>, string, unknown[] | undefined][] = [
      [{ a: ids.rep, b: ids.erin, strength: 1.2 }, "BAD_USER_INPUT", ["strength"]],
      [{ a: ids.rep, b: ids.erin, strength: -0.1 }, "BAD_USER_INPUT", ["strength"]],
      [{ a: ids.rep, b: ids.erin, strength: 0.5, since: "2999-01-01" }, "BAD_USER_INPUT", ["since"]],
      [{ a: ids.rep, b: ids.rep, strength: 0.5 }, "BAD_USER_INPUT", ["b"]],
      [{ a: ids.rep, b: "no-such-id", strength: 0.5 }, "NOT_FOUND", undefined],
    ];
    for (const [variables, code, path] of cases) {
      const { errors } = await send(`mutation($a: ID!, $b: ID!, $strength: Float!, $since: Date) { connectPeople(a: $a, b: $b, strength: $strength, since: $since) { strength } }`, variables);
      expect(errors?.map((e) => [e.extensions.code, e.extensions.path]), JSON.stringify(variables)).toEqual([[code, path]]);
    }
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("recordInteraction creates the connection, weighs it again from every interaction once per interaction, and moves lastInteractionAt", async () => {
    const record = (at: string) => send(`mutation($with: ID!, $at: DateTime!) { recordInteraction(with: $with, kind: CALL, at: $at, notes: "Talked renewals") { ${CONNECTION} } }`, { with: ids.dana, at });
    const calls = (...ats: string[]) => documentedStrength(ats.map((at) => ({ at: new Date(at), sentBy: null })), null, new Date());
    const first = await record("2026-01-10T10:00:00Z");
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordInteraction).toMatchObject({ lastInteractionAt: "2026-01-10T10:00:00.000Z", recordedBy: { email: "rep@ourco.example" } });
    expect(first.data!.recordInteraction.strength).toBeCloseTo(calls("2026-01-10T10:00:00Z"), 5);
    const again = await record("2026-01-10T10:00:00Z");
    expect(again.data!.recordInteraction.strength).toBeCloseTo(calls("2026-01-10T10:00:00Z"), 5);
    const later = await record("2026-02-01T09:00:00Z");
    expect(later.data!.recordInteraction.strength).toBeCloseTo(calls("2026-01-10T10:00:00Z", "2026-02-01T09:00:00Z"), 5);
    const earlier = await record("2025-12-01T09:00:00Z");
    const all = calls("2026-01-10T10:00:00Z", "2026-02-01T09:00:00Z", "2025-12-01T09:00:00Z");
    expect(earlier.data!.recordInteraction).toMatchObject({ lastInteractionAt: "2026-02-01T09:00:00.000Z" });
    expect(earlier.data!.recordInteraction.strength).toBeCloseTo(all, 5);
    expect(await count("MATCH (:Interaction {workspace: $workspace})-[:WITH]->(:Person {id: $id}) RETURN count(*)", { id: ids.dana })).toBe(3);
    const read = await send(`query($id: ID) { person(id: $id) { connectionToViewer(maxHops: 1) { strengths people { email } } } }`, { id: ids.dana });
    expect(read.data!.person.connectionToViewer.people).toEqual([{ email: "rep@ourco.example" }, { email: "dana@northwind.io" }]);
    expect(read.data!.person.connectionToViewer.strengths[0]).toBeCloseTo(all, 5);
  });

  it("recordInteraction refuses a future time and the viewer themself", async () => {
    const future = await send(`mutation($with: ID!) { recordInteraction(with: $with, kind: EMAIL, at: "2999-01-01T00:00:00Z") { strength } }`, { with: ids.dana });
    expect(future.errors?.map((e) => [e.extensions.code, e.extensions.path])).toEqual([["BAD_USER_INPUT", ["at"]]]);
    const self = await send(`mutation($with: ID!) { recordInteraction(with: $with, kind: EMAIL, at: "2026-01-01T00:00:00Z") { strength } }`, { with: ids.rep });
    expect(self.errors?.map((e) => [e.extensions.code, e.extensions.path])).toEqual([["BAD_USER_INPUT", ["with"]]]);
  });

  it("disconnectPeople removes the connection, returns it, and is null the second time", async () => {
    const gone = await send(`mutation($a: ID!, $b: ID!) { disconnectPeople(a: $a, b: $b) { strength } }`, { a: ids.erin, b: ids.rep });
    expect(gone.data!.disconnectPeople).toEqual({ strength: 0.6 });
    const again = await send(`mutation($a: ID!, $b: ID!) { disconnectPeople(a: $a, b: $b) { strength } }`, { a: ids.erin, b: ids.rep });
    expect(again.data!.disconnectPeople).toBeNull();
    const read = await send(`query($id: ID!) { introductionPaths(to: $id, maxHops: 1) { strengths } }`, { id: ids.erin });
    expect(read.data!.introductionPaths).toEqual([]);
  });
});

describe("concurrency and roles", () => {
  it("twenty identical upserts, connections and interactions at once record each fact once", async () => {
    const requests = Array.from({ length: 20 }, () => [
      send(`mutation { upsertPerson(input: { email: "parallel@northwind.io", name: "Para" }) { id } }`),
      send(`mutation { upsertCompany(input: { domain: "parallel.example" }) { id } }`),
      send(`mutation($a: ID!, $b: ID!) { connectPeople(a: $a, b: $b, strength: 0.4) { strength } }`, { a: ids.dana, b: ids.erin }),
      send(`mutation($with: ID!) { recordInteraction(with: $with, kind: MEETING, at: "2026-03-03T03:03:00Z") { strength } }`, { with: ids.erin }),
    ]).flat();
    const responses = await Promise.all(requests);
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(responses.filter((r) => r.data!.upsertPerson).map((r) => r.data!.upsertPerson.id)).size).toBe(1);
    expect(await count("MATCH (p:Person {workspace: $workspace, email: 'parallel@northwind.io'}) RETURN count(p)")).toBe(1);
    expect(await count("MATCH (c:Company {workspace: $workspace, domain: 'parallel.example'}) RETURN count(c)")).toBe(1);
    expect(await count("MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN count(k)", { a: ids.dana, b: ids.erin })).toBe(1);
    expect(await count("MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN count(k)", { a: ids.rep, b: ids.erin })).toBe(1);
    const meeting = documentedStrength([{ at: new Date("2026-03-03T03:03:00Z"), sentBy: null }], null, new Date());
    expect(await count("MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN k.strength", { a: ids.rep, b: ids.erin })).toBeCloseTo(meeting, 5);
    expect(await count("MATCH (i:Interaction {workspace: $workspace, kind: 'MEETING'}) RETURN count(i)")).toBe(1);
  });

  it("refuses a READER's mutation as FORBIDDEN, writing nothing", async () => {
    const before = await fingerprint(driver, workspace);
    const { errors } = await send(`mutation { upsertCompany(input: { domain: "reader.example" }) { id } }`, {}, reader);
    expect(errors?.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
    expect(await fingerprint(driver, workspace)).toBe(before);
  });
});
