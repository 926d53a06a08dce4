/**
 * Workspaces are walls. Workspace A and workspace B hold the same small graph
 * — the same emails, domains and topic names — and B has more: a person, a
 * company and a topic of its own, and "[B]" in every name and text it shares
 * with A. A caller signed in to A (served by a dev-mode server whose own
 * workspace is B, so a lapse to the server's workspace would show) uses B's
 * ids, emails and domains in every root field, and gets nothing of B: no B id
 * and no "[B]" anywhere in the data; an id of B is NOT_FOUND, as any unknown
 * id is. Root fields are read from the schema at test time, so a new field
 * fails here until CASES has a line for it.
 */
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { snapshotPeople } from "../../src/filters/statements.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { SCHEMA_FILE } from "../../src/server.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { fingerprint } from "../support/fingerprint.js";
import { bearer, gql, startTestServer, type GraphQLResponse, type TestServer } from "../support/server.js";

const A = uniqueWorkspace("isolation-a");
const B = uniqueWorkspace("isolation-b");
const driver = testDriver();
const db = testDb(driver);
let server: TestServer;
let asA: Record<string, string>;
let b: BRefs;
let bBefore: string;

/** Ids and keys of B that a caller of A might try. */
interface BRefs {
  chuck: string;
  onlyB: string;
  northwind: string;
  onlyBCompany: string;
  topic: string;
  segment: string;
  snapshot: string;
  promise: string;
  webhook: string;
  /** A's own Chuck and Northwind, to pair with B's ids where a mutation takes two. */
  aChuck: string;
  aNorthwind: string;
}

interface Case {
  query: string;
  variables?: Record<string, unknown>;
  /** The data A's caller must get, when it is worth pinning. */
  data?: unknown;
  /** The one error code expected instead of data (B's ids are unknown ids in A). */
  code?: "NOT_FOUND" | "FORBIDDEN";
}

const PERSON = `id email name title company { id name employees { id name } events { id } promises { id text } }
  interests { topic { id name broader { id } narrower { id } } } engagements { content { id title topics { id } } }
  concerns { id text topic { id } } promises { id text } connectionToViewer(maxHops: 4) { people { id name } }`;
const LIST = "totalCount edges { node { id name } }";

/** One entry per root field: adding a field to the schema means adding its line here. */
const CASES: Record<string, (b: BRefs) => Case[]> = {
  "Query.person": (b) => [
    { query: `query($id: ID) { person(id: $id) { ${PERSON} } }`, variables: { id: b.chuck }, data: { person: null } },
    { query: `query($email: String) { person(email: $email) { ${PERSON} } }`, variables: { email: "only-b@northwind.io" }, data: { person: null } },
    { query: `query($email: String) { person(email: $email) { ${PERSON} } }`, variables: { email: "chuck@northwind.io" } },
  ],
  "Query.company": (b) => [
    { query: "query($id: ID) { company(id: $id) { id } }", variables: { id: b.northwind }, data: { company: null } },
    { query: "query($id: ID) { company(id: $id) { id } }", variables: { id: b.onlyBCompany }, data: { company: null } },
    { query: "{ company(domain: \"b-only.example\") { id } }", data: { company: null } },
    { query: "{ company(domain: \"northwind.io\") { id name employees { id name } events { id } promises { id text } } }" },
  ],
  "Query.topic": (b) => [
    { query: "query($name: String!) { topic(name: $name) { id } }", variables: { name: b.topic }, data: { topic: null } },
    { query: "{ topic(name: \"CRM\") { id name broader { id name } narrower { id name } } }" },
  ],
  "Query.people": (b) => [
    { query: `{ people(first: 100) { ${LIST} } }` },
    { query: `query($id: ID) { people(where: { connectedTo: { person: $id, maxHops: 4 } }) { ${LIST} } }`, variables: { id: b.chuck }, code: "NOT_FOUND" },
    { query: `query($id: ID) { people(where: { near: { person: $id, radiusKm: 20000 } }) { ${LIST} } }`, variables: { id: b.chuck }, code: "NOT_FOUND" },
    { query: `{ people(where: { worksAt: { domains: ["b-only.example"] } }) { ${LIST} } }`, data: { people: { totalCount: 0, edges: [] } } },
    { query: `{ people(where: { titleContains: "[B]" }) { ${LIST} } }`, data: { people: { totalCount: 0, edges: [] } } },
    { query: `query($t: [String!]!) { people(where: { interestedIn: { topics: $t } }) { ${LIST} } }`, variables: { t: ["Secret B Topic"] }, data: { people: { totalCount: 0, edges: [] } } },
  ],
  "Query.companies": (b) => [
    { query: `{ companies(first: 100) { ${LIST} } }` },
    { query: `{ companies(where: { domains: ["b-only.example"] }) { ${LIST} } }`, data: { companies: { totalCount: 0, edges: [] } } },
    { query: `query($id: ID) { companies(where: { employs: { connectedTo: { person: $id } } }) { ${LIST} } }`, variables: { id: b.onlyB }, code: "NOT_FOUND" },
  ],
  "Query.prospects": (b) => [
    { query: `{ prospects(where: {}, first: 100) { totalCount edges { score node { id name } reasons { summary
      ... on ConnectionReason { path { people { id name } } } ... on CompanyEventReason { company { id name } } } } } }` },
    { query: `query($id: ID) { prospects(where: { connectedTo: { person: $id, maxHops: 4 } }) { ${LIST} } }`, variables: { id: b.chuck }, code: "NOT_FOUND" },
    { query: `{ prospects(where: { titleContains: "[B]" }) { ${LIST} } }`, data: { prospects: { totalCount: 0, edges: [] } } },
  ],
  "Query.introductionPaths": (b) => [
    { query: "query($id: ID) { introductionPaths(to: $id) { people { id name } } }", variables: { id: b.chuck }, code: "NOT_FOUND" },
    { query: "query($id: ID) { introductionPaths(toCompany: $id) { people { id name } } }", variables: { id: b.onlyBCompany }, code: "NOT_FOUND" },
    { query: "query($from: ID, $to: ID) { introductionPaths(from: $from, to: $to) { people { id name } } }", variables: { from: b.onlyB, to: b.chuck }, code: "NOT_FOUND" },
  ],
  "Query.search": () => [
    { query: "{ search(text: \"Bea\") { node { __typename } } }", data: { search: [] } },
    { query: "{ search(text: \"Secret\") { node { __typename } } }", data: { search: [] } },
    { query: "{ search(text: \"Chuck Northwind CRM\") { node { ... on Person { id name } ... on Company { id name } ... on Topic { id topicName: name } } } }" },
  ],
  "Query.apiKeys": () => [{ query: "{ apiKeys { id email } }", code: "FORBIDDEN" }],
  "Mutation.createApiKey": () => [{ query: "mutation { createApiKey(email: \"chuck@northwind.io\", role: ADMIN) { key } }", code: "FORBIDDEN" }],
  "Mutation.revokeApiKey": () => [{ query: "mutation { revokeApiKey(id: \"any\") { id } }", code: "FORBIDDEN" }],
  "Query.segments": () => [{ query: "{ segments { id name } }", data: { segments: [] } }],
  "Query.segment": (b) => [{ query: "query($id: ID!) { segment(id: $id) { id name } }", variables: { id: b.segment }, data: { segment: null } }],
  "Query.snapshot": (b) => [{ query: "query($id: ID!) { snapshot(id: $id) { id } }", variables: { id: b.snapshot }, data: { snapshot: null } }],
  "Query.node": (b) => [b.onlyB, b.onlyBCompany, b.segment, b.snapshot].map((id) => ({ query: "query($id: ID!) { node(id: $id) { id } }", variables: { id }, data: { node: null } })),
  "Mutation.saveSegment": () => [
    { query: "mutation { saveSegment(input: { name: \"Everyone\", people: {} }) { name members(first: 100) { edges { node { id name } } } } }" },
  ],
  "Mutation.updateSegment": (b) => [
    { query: "mutation($id: ID!) { updateSegment(id: $id, changes: { name: \"taken\" }) { id } }", variables: { id: b.segment }, code: "NOT_FOUND" },
  ],
  "Mutation.deleteSegment": (b) => [{ query: "mutation($id: ID!) { deleteSegment(id: $id) { id } }", variables: { id: b.segment }, code: "NOT_FOUND" }],
  "Mutation.snapshotSegment": (b) => [{ query: "mutation($id: ID!) { snapshotSegment(id: $id) { id } }", variables: { id: b.segment }, code: "NOT_FOUND" }],
  "Mutation.upsertPerson": () => [
    { query: "mutation { upsertPerson(input: { email: \"chuck@northwind.io\" }) { id name company { id name } } }", data: { upsertPerson: { id: expect.any(String), name: "Chuck Rivera", company: { id: expect.any(String), name: "Northwind" } } } },
    { query: "mutation { upsertPerson(input: { email: \"x@b-only.example\", company: \"b-only.example\" }) { id } }", code: "NOT_FOUND" },
  ],
  "Mutation.upsertCompany": () => [
    { query: "mutation { upsertCompany(input: { domain: \"northwind.io\" }) { id name employees { id name } } }" },
  ],
  "Mutation.connectPeople": (b) => [
    { query: "mutation($a: ID!, $b: ID!) { connectPeople(a: $a, b: $b, strength: 0.5) { strength } }", variables: { a: b.chuck, b: b.onlyB }, code: "NOT_FOUND" },
  ],
  "Mutation.disconnectPeople": (b) => [
    { query: "mutation($a: ID!, $b: ID!) { disconnectPeople(a: $a, b: $b) { strength } }", variables: { a: b.chuck, b: b.onlyB }, code: "NOT_FOUND" },
  ],
  "Mutation.recordInteraction": (b) => [
    { query: "mutation($with: ID!) { recordInteraction(with: $with, kind: CALL, at: \"2026-01-01T00:00:00Z\") { strength } }", variables: { with: b.onlyB }, code: "NOT_FOUND" },
  ],
  "Mutation.recordEngagement": (b) => [
    { query: "mutation($p: ID!) { recordEngagement(person: $p, content: \"https://example.com/papers/renewal-playbook\", action: READ, at: \"2026-01-01T00:00:00Z\") { at } }", variables: { p: b.chuck }, code: "NOT_FOUND" },
  ],
  "Mutation.recordConcern": (b) => [
    { query: "mutation($p: ID!) { recordConcern(person: $p, topic: \"Churn\", statement: \"x\", at: \"2026-01-01T00:00:00Z\") { id } }", variables: { p: b.chuck }, code: "NOT_FOUND" },
  ],
  "Mutation.recordCompanyEvent": (b) => [
    { query: "mutation($c: ID!) { recordCompanyEvent(company: $c, type: IPO, at: \"2026-01-01T00:00:00Z\") { id } }", variables: { c: b.northwind }, code: "NOT_FOUND" },
  ],
  "Mutation.setRelationshipLevel": (b) => [
    { query: "mutation($c: ID!) { setRelationshipLevel(company: $c, level: PARTNER) { id } }", variables: { c: b.onlyBCompany }, code: "NOT_FOUND" },
  ],
  "Mutation.upsertTopic": (b) => [
    { query: "mutation($t: String!) { upsertTopic(name: \"A Topic\", broader: [$t]) { id } }", variables: { t: b.topic }, code: "NOT_FOUND" },
  ],
  "Mutation.upsertContent": (b) => [
    { query: "mutation($t: String!) { upsertContent(url: \"https://example.com/a\", topics: [$t]) { id } }", variables: { t: b.topic }, code: "NOT_FOUND" },
    { query: "mutation { upsertContent(url: \"https://example.com/papers/renewal-playbook\") { id title topics { id name } } }" },
  ],
  "Mutation.makePromise": (b) => [
    { query: "mutation($p: ID, $c: ID) { makePromise(person: $p, company: $c, text: \"x\") { id } }", variables: { p: b.chuck, c: b.northwind }, code: "NOT_FOUND" },
  ],
  "Mutation.setPromiseStatus": (b) => [
    { query: "mutation($id: ID!) { setPromiseStatus(id: $id, status: KEPT) { id } }", variables: { id: b.promise }, code: "NOT_FOUND" },
  ],
  "Query.possibleDuplicates": () => [{ query: "{ possibleDuplicates(first: 100) { edges { node { a { id email } b { id email } reasons } } pageInfo { hasNextPage } } }" }],
  "Mutation.mergePeople": (b) => [
    { query: "mutation($k: ID!, $m: ID!) { mergePeople(keep: $k, merge: $m) { id } }", variables: { k: b.aChuck, m: b.onlyB }, code: "NOT_FOUND" },
    { query: "mutation($k: ID!, $m: ID!) { mergePeople(keep: $k, merge: $m) { id } }", variables: { k: b.chuck, m: b.aChuck }, code: "NOT_FOUND" },
  ],
  "Mutation.mergeCompanies": (b) => [
    { query: "mutation($k: ID!, $m: ID!) { mergeCompanies(keep: $k, merge: $m) { id } }", variables: { k: b.aNorthwind, m: b.onlyBCompany }, code: "NOT_FOUND" },
    { query: "mutation($k: ID!, $m: ID!) { mergeCompanies(keep: $k, merge: $m) { id } }", variables: { k: b.northwind, m: b.aNorthwind }, code: "NOT_FOUND" },
  ],
  "Mutation.forgetPerson": (b) => [
    { query: "mutation($id: ID!) { forgetPerson(id: $id) { concerns } }", variables: { id: b.chuck }, code: "NOT_FOUND" },
    { query: "mutation($id: ID!) { forgetPerson(id: $id) { concerns } }", variables: { id: b.onlyB }, code: "NOT_FOUND" },
  ],
  "Query.promises": () => [
    { query: "{ promises(first: 100) { id text status } }" },
    { query: "{ promises(overdue: true, first: 100) { id text } }" },
  ],
  "Query.trackingStats": () => [{ query: "{ trackingStats { messages recorded unmatched ignored } }", data: { trackingStats: { messages: 0, recorded: 0, unmatched: 0, ignored: 0 } } }],
  "Query.trackingActions": () => [{ query: "{ trackingActions { event action custom } }" }],
  "Mutation.setTrackingActions": () => [{ query: "mutation { setTrackingActions(actions: [{ event: \"[A] Read\", action: READ }]) { event custom } }" }],
  "Mutation.createWebhook": (b) => [
    { query: "mutation($id: ID!) { createWebhook(segment: $id, url: \"http://127.0.0.1:9/never\", secret: \"sixteen characters at least\") { id } }", variables: { id: b.segment }, code: "NOT_FOUND" },
  ],
  "Mutation.deleteWebhook": (b) => [{ query: "mutation($id: ID!) { deleteWebhook(id: $id) { id } }", variables: { id: b.webhook }, code: "NOT_FOUND" }],
  "Query.viewer": () => [{ query: "{ viewer { id } }" }, { query: "{ viewer { email name } }", data: { viewer: { email: "rep@ourco.example", name: "Riley Rep" } } }],
};

const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, "utf8"));
const ROOT_FIELDS = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
  .flatMap((type) => (type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []));

beforeAll(async () => {
  expect((await importGraphDocument(db, smallGraph(), { workspace: A })).ok).toBe(true);
  expect((await importGraphDocument(db, workspaceB(), { workspace: B })).ok).toBe(true);
  const ids = async (query: string) => (await driver.executeQuery(query, { workspace: B })).records.map((r) => r.get(0) as string);
  const [chuck, onlyB] = await ids("MATCH (p:Person {workspace: $workspace}) WHERE p.email IN ['chuck@northwind.io', 'only-b@northwind.io'] RETURN p.id ORDER BY p.email");
  const [onlyBCompany, northwind] = await ids("MATCH (c:Company {workspace: $workspace}) WHERE c.domain IN ['northwind.io', 'b-only.example'] RETURN c.id ORDER BY c.domain");
  const [promise] = await ids("MATCH (pr:Promise {workspace: $workspace, status: 'OPEN'}) RETURN pr.id");
  const segment = randomUUID();
  const snapshot = randomUUID();
  await db.write("segment/save", { workspace: B, id: segment, name: "Everyone", description: "[B]", people: "{}", companies: null, recordedBy: "rep@ourco.example" });
  await db.transaction("snapshot", (run) => run(snapshotPeople({}, { workspace: B, viewerId: null, shortlistFrom: 2_000, topicIds: new Map() }, { segment, snapshot }, "rep@ourco.example")));
  const webhook = randomUUID();
  await db.write("webhook/create", { workspace: B, id: webhook, segment, url: "http://127.0.0.1:9/never", secret: "[B] secret of B's", recordedBy: "rep@ourco.example" });
  const inA = async (query: string) => (await driver.executeQuery(query, { workspace: A })).records.map((r) => r.get(0) as string);
  const [aChuck] = await inA("MATCH (p:Person {workspace: $workspace, email: 'chuck@northwind.io'}) RETURN p.id");
  const [aNorthwind] = await inA("MATCH (c:Company {workspace: $workspace, domain: 'northwind.io'}) RETURN c.id");
  b = {
    chuck: chuck!, onlyB: onlyB!, northwind: northwind!, onlyBCompany: onlyBCompany!, topic: "Secret B Topic", promise: promise!, segment, snapshot, webhook,
    aChuck: aChuck!, aNorthwind: aNorthwind!,
  };
  bBefore = await fingerprint(driver, B);
  const { key } = await createApiKey(db, { workspace: A, email: "rep@ourco.example", role: "EDITOR" });
  asA = bearer(key);
  server = await startTestServer(B);
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, A);
  await wipeWorkspace(driver, B);
  await driver.close();
});

describe("workspace isolation", () => {
  it("has a case for every root field of the schema (and none for a field that is gone)", () => {
    expect(ROOT_FIELDS.filter((field) => !(field in CASES)), "root fields without an isolation case").toEqual([]);
    expect(Object.keys(CASES).filter((field) => !ROOT_FIELDS.includes(field)), "cases for fields the schema no longer has").toEqual([]);
  });

  it.each(ROOT_FIELDS)("%s gives a caller of A nothing of B", async (field) => {
    const cases = CASES[field]?.(b) ?? [];
    expect(cases.length).toBeGreaterThan(0);
    const bIds = await idsOf(B);
    for (const { query, variables, data, code } of cases) {
      const response = await gql(server.url, query, variables, asA);
      if (code) {
        expect(response.errors?.map((e) => e.extensions.code), query).toEqual([code]);
      } else {
        expect(response.errors, query).toBeUndefined();
        if (data !== undefined) expect(response.data, query).toEqual(data);
      }
      expect(leaksOfB(response, bIds), query).toEqual([]);
    }
  });

  it("answers the same questions with A's data, so the cases above are not empty by accident", async () => {
    const { data } = await gql(server.url, `{ viewer { email } person(email: "chuck@northwind.io") { name company { name } } people(first: 100) { totalCount } }`, {}, asA);
    expect(data).toEqual({ viewer: { email: "rep@ourco.example" }, person: { name: "Chuck Rivera", company: { name: "Northwind" } }, people: { totalCount: 4 } });
  });

  it("leaves workspace B exactly as it was", async () => {
    expect(await fingerprint(driver, B)).toBe(bBefore);
  });
});

/** The same graph as A's, with "[B]" in every name and text, and a person, a company and a topic only B has. */
function workspaceB() {
  const graph = smallGraph();
  const mark = <T extends { name?: string }>(record: T) => ({ ...record, name: `${record.name ?? ""} [B]` });
  return {
    ...graph,
    topics: [...graph.topics, { name: "Secret B Topic" }],
    companies: [...graph.companies.map(mark), { domain: "b-only.example", name: "Only B Co [B]" }],
    people: [
      ...graph.people.map((person) => ({ ...mark(person), title: "Insider [B]" })),
      { email: "only-b@northwind.io", name: "Bea Only [B]", company: "b-only.example", interests: [{ topic: "Secret B Topic" }] },
    ],
    content: graph.content.map((content) => ({ ...content, title: `${content.title} [B]` })),
    connections: [...graph.connections, { a: "only-b@northwind.io", b: "chuck@northwind.io", strength: 0.9 }],
    concerns: graph.concerns.map((concern) => ({ ...concern, text: `${concern.text} [B]` })),
    promises: graph.promises.map((promise) => ({ ...promise, text: `${promise.text} [B]` })),
    events: [...graph.events, { company: "b-only.example", type: "FUNDING", stage: "SEED", occurredAt: "2026-11-01" }],
  };
}

async function idsOf(workspace: string): Promise<string[]> {
  const result = await driver.executeQuery("MATCH (n {workspace: $workspace}) WHERE n.id IS NOT NULL RETURN n.id AS id", { workspace });
  return result.records.map((record) => record.get("id") as string);
}

/** Every B id and "[B]" mark in a response's data (errors may name the ids the request gave). */
function leaksOfB(response: GraphQLResponse, bIds: string[]): string[] {
  const text = JSON.stringify(response.data ?? null);
  return [...bIds.filter((id) => text.includes(id)), ...(text.includes("[B]") ? ["[B]"] : [])];
}
