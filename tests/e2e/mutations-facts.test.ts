/**
 * Recording facts over HTTP against a real Neo4j: engagements, concerns,
 * company events, relationship levels, topics and content. Each is read back
 * through the query API with who recorded it; bad input is BAD_USER_INPUT
 * with the field's path and writes nothing; unknown references are NOT_FOUND;
 * a topic may not collide with another or close a cycle; twenty identical
 * requests at once record each fact once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concernBound } from "../../src/scoring.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { companyEventBounds, evidenceBounds, rounded, roundedBound } from "../support/evidence-bounds.js";
import { fingerprint } from "../support/fingerprint.js";
import { DEMO_USER_EMAIL } from "../../seed/demo-story.js";
import { gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("mutations-facts");
const driver = testDriver();
let server: TestServer;
let chuck: string;
let northwind: string;
const PLAYBOOK = "https://example.com/papers/renewal-playbook";

beforeAll(async () => {
  // The dev-mode caller is the demo user: made a person here, so recordedBy resolves.
  const graph = { ...smallGraph(), users: [{ email: DEMO_USER_EMAIL }] };
  graph.people.push({ email: DEMO_USER_EMAIL, name: "Maya Chen", title: "Rep" });
  expect((await importGraphDocument(testDb(driver), graph, { workspace })).ok).toBe(true);
  server = await startTestServer(workspace);
  const ids = async (query: string) => (await driver.executeQuery(query, { workspace })).records[0]!.get(0) as string;
  chuck = await ids("MATCH (p:Person {workspace: $workspace, email: 'chuck@northwind.io'}) RETURN p.id");
  northwind = await ids("MATCH (c:Company {workspace: $workspace, domain: 'northwind.io'}) RETURN c.id");
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

const send = (query: string, variables: Record<string, unknown> = {}) => gql(server.url, query, variables);
const codesAndPaths = (errors: { extensions: Record<string, unknown> }[] | undefined) => errors?.map((e) => [e.extensions.code, e.extensions.path]);

async function count(cypher: string): Promise<number> {
  return Number((await driver.executeQuery(cypher, { workspace })).records[0]!.get(0));
}

describe("facts about people and companies", () => {
  it("recordEngagement records once and shows in Person.engagements with who recorded it", async () => {
    const mutation = `mutation($p: ID!) { recordEngagement(person: $p, content: "${PLAYBOOK}", action: SHARED, at: "2026-05-05T12:00:00Z") {
      action at content { title } recordedBy { email } recordedAt } }`;
    const { data, errors } = await send(mutation, { p: chuck });
    expect(errors).toBeUndefined();
    expect(data!.recordEngagement).toMatchObject({ action: "SHARED", at: "2026-05-05T12:00:00.000Z", content: { title: "The Renewal Playbook" }, recordedBy: { email: DEMO_USER_EMAIL } });
    await send(mutation, { p: chuck });
    const read = await send(`query($id: ID) { person(id: $id) { engagements { action at recordedBy { email } } } }`, { id: chuck });
    expect(read.data!.person.engagements.filter((e: { action: string }) => e.action === "SHARED")).toEqual([
      { action: "SHARED", at: "2026-05-05T12:00:00.000Z", recordedBy: { email: DEMO_USER_EMAIL } },
    ]);
  });

  it("recordConcern resolves the topic by alias and keys the concern like the importer", async () => {
    const { data, errors } = await send(`mutation($p: ID!) { recordConcern(person: $p, topic: "attrition", statement: " Renewals slipped two quarters in a row ",
      at: "2026-11-01T00:00:00Z", source: CALL) { id text topic { name } recordedBy { email } } }`, { p: chuck });
    expect(errors).toBeUndefined();
    // The imported concern has the same person, topic, time and text: the same fact, not a second one.
    expect(await count("MATCH (k:Concern {workspace: $workspace}) RETURN count(k)")).toBe(1);
    expect(data!.recordConcern).toMatchObject({ text: "Renewals slipped two quarters in a row", topic: { name: "Churn" } });
    const fresh = await send(`mutation($p: ID!) { recordConcern(person: $p, topic: "CRM", statement: "Pipeline is invisible", severity: 5, level: BROKEN, at: "2026-06-01T08:00:00Z") { id } }`, { p: chuck });
    const read = await send(`query($id: ID) { person(id: $id) { concerns { id text severity level topic { name } recordedBy { email } recordedAt } } }`, { id: chuck });
    expect(read.data!.person.concerns).toContainEqual(expect.objectContaining({
      id: fresh.data!.recordConcern.id, text: "Pipeline is invisible", severity: 5, level: "BROKEN", topic: { name: "CRM" }, recordedBy: { email: DEMO_USER_EMAIL },
    }));
  });

  it("recordCompanyEvent and setRelationshipLevel show on the company", async () => {
    const event = await send(`mutation($c: ID!) { recordCompanyEvent(company: $c, type: ACQUISITION, amountUsd: 1e6, at: "2026-04-01T00:00:00Z") { id type amountUsd occurredAt } }`, { c: northwind });
    expect(event.errors).toBeUndefined();
    const level = await send(`mutation($c: ID!) { setRelationshipLevel(company: $c, level: TRUSTED_ADVISER) { relationshipLevel } }`, { c: northwind });
    expect(level.data!.setRelationshipLevel).toEqual({ relationshipLevel: "TRUSTED_ADVISER" });
    const read = await send(`query($id: ID) { company(id: $id) { relationshipLevel events { id type amountUsd recordedBy { email } } } }`, { id: northwind });
    expect(read.data!.company.relationshipLevel).toBe("TRUSTED_ADVISER");
    expect(read.data!.company.events).toContainEqual({ id: event.data!.recordCompanyEvent.id, type: "ACQUISITION", amountUsd: 1e6, recordedBy: { email: DEMO_USER_EMAIL } });
  });

  it("refuses bad input with its path and unknown references, writing nothing", async () => {
    const before = await fingerprint(driver, workspace);
    const cases: [string, Record<string, unknown>, string, unknown[] | undefined][] = [
      [`mutation($p: ID!) { recordConcern(person: $p, topic: "CRM", statement: "   ", at: "2026-01-01T00:00:00Z") { id } }`, { p: chuck }, "BAD_USER_INPUT", ["statement"]],
      [`mutation($p: ID!) { recordConcern(person: $p, topic: "CRM", statement: "x", severity: 6, at: "2026-01-01T00:00:00Z") { id } }`, { p: chuck }, "BAD_USER_INPUT", ["severity"]],
      [`mutation($p: ID!) { recordConcern(person: $p, topic: "CRM", statement: "x", at: "2999-01-01T00:00:00Z") { id } }`, { p: chuck }, "BAD_USER_INPUT", ["at"]],
      [`mutation($p: ID!) { recordConcern(person: $p, topic: "Knitting", statement: "x", at: "2026-01-01T00:00:00Z") { id } }`, { p: chuck }, "NOT_FOUND", undefined],
      [`mutation($p: ID!) { recordEngagement(person: $p, content: "not a url", action: READ, at: "2026-01-01T00:00:00Z") { at } }`, { p: chuck }, "BAD_USER_INPUT", ["content"]],
      [`mutation($p: ID!) { recordEngagement(person: $p, content: "https://nowhere.example/x", action: READ, at: "2026-01-01T00:00:00Z") { at } }`, { p: chuck }, "NOT_FOUND", undefined],
      [`mutation { recordEngagement(person: "no-such-id", content: "${PLAYBOOK}", action: READ, at: "2026-01-01T00:00:00Z") { at } }`, {}, "NOT_FOUND", undefined],
      [`mutation($c: ID!) { recordCompanyEvent(company: $c, type: FUNDING, amountUsd: -5, at: "2026-01-01T00:00:00Z") { id } }`, { c: northwind }, "BAD_USER_INPUT", ["amountUsd"]],
      [`mutation { setRelationshipLevel(company: "no-such-id", level: PARTNER) { id } }`, {}, "NOT_FOUND", undefined],
      [`mutation { upsertContent(url: "https://example.com/new", publishedAt: "2999-01-01T00:00:00Z") { id } }`, {}, "BAD_USER_INPUT", ["publishedAt"]],
      [`mutation { upsertContent(url: "https://example.com/new", topics: ["Knitting"]) { id } }`, {}, "NOT_FOUND", undefined],
      [`mutation { upsertTopic(name: "New", aliases: ["ok", ""]) { id } }`, {}, "BAD_USER_INPUT", ["aliases", 1]],
    ];
    for (const [query, variables, code, path] of cases) {
      expect(codesAndPaths((await send(query, variables)).errors), query).toEqual([[code, path]]);
    }
    expect(await fingerprint(driver, workspace)).toBe(before);
  });
});

describe("topics and content", () => {
  it("upsertTopic creates a topic under a broader one and replaces its aliases", async () => {
    const created = await send(`mutation { upsertTopic(name: "HubSpot CRM", aliases: ["HubSpot"], broader: ["customer relationship management"]) { id name aliases broader { name } } }`);
    expect(created.data!.upsertTopic).toMatchObject({ name: "HubSpot CRM", aliases: ["HubSpot"], broader: [{ name: "CRM" }] });
    const updated = await send(`mutation { upsertTopic(name: "HubSpot CRM", aliases: ["HS"]) { id aliases } }`);
    expect(updated.data!.upsertTopic).toEqual({ id: created.data!.upsertTopic.id, aliases: ["HS"] });
    const read = await send(`{ topic(name: "HS") { name } crm: topic(name: "CRM") { narrower { name } } }`);
    expect(read.data!.topic).toEqual({ name: "HubSpot CRM" });
    expect(read.data!.crm.narrower.map((t: { name: string }) => t.name).sort()).toEqual(["HubSpot CRM", "Salesforce CRM"]);
  });

  it("upsertTopic refuses a name or alias of another topic and a cycle in the hierarchy", async () => {
    const before = await fingerprint(driver, workspace);
    const cases: [string, unknown[]][] = [
      [`mutation { upsertTopic(name: "SFDC") { id } }`, ["name"]],
      [`mutation { upsertTopic(name: "Brand New", aliases: ["fine", "churn"]) { id } }`, ["aliases", 1]],
      [`mutation { upsertTopic(name: "Sales Technology", broader: ["SFDC"]) { id } }`, ["broader", 0]],
      [`mutation { upsertTopic(name: "CRM", broader: ["crm"]) { id } }`, ["broader", 0]],
    ];
    for (const [query, path] of cases) expect(codesAndPaths((await send(query)).errors), query).toEqual([["BAD_USER_INPUT", path]]);
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("upsertContent creates content about topics, readable through an engagement", async () => {
    const url = "https://example.com/webinars/churn-clinic";
    const { data, errors } = await send(`mutation { upsertContent(url: "${url}", title: "Churn clinic", kind: WEBINAR, publishedAt: "2026-02-02T00:00:00Z", topics: ["attrition"]) { id url title kind publishedAt topics { name } } }`);
    expect(errors).toBeUndefined();
    expect(data!.upsertContent).toMatchObject({ url, title: "Churn clinic", kind: "WEBINAR", publishedAt: "2026-02-02T00:00:00.000Z", topics: [{ name: "Churn" }] });
    await send(`mutation($p: ID!) { recordEngagement(person: $p, content: "${url}", action: ATTENDED, at: "2026-02-02T10:00:00Z") { at } }`, { p: chuck });
    const read = await send(`query($id: ID) { person(id: $id) { engagements { action content { id title topics { name } } } } }`, { id: chuck });
    expect(read.data!.person.engagements.filter((e: { action: string }) => e.action === "ATTENDED"))
      .toEqual([{ action: "ATTENDED", content: { id: data!.upsertContent.id, title: "Churn clinic", topics: [{ name: "Churn" }] } }]);
  });
});

describe("twenty identical requests at once", () => {
  it("record each fact once", async () => {
    const requests = Array.from({ length: 20 }, () => [
      send(`mutation($p: ID!) { recordEngagement(person: $p, content: "${PLAYBOOK}", action: COMMENTED, at: "2026-07-07T07:00:00Z") { at } }`, { p: chuck }),
      send(`mutation($p: ID!) { recordConcern(person: $p, topic: "Churn", statement: "Parallel worry", at: "2026-07-07T07:00:00Z") { id } }`, { p: chuck }),
      send(`mutation($c: ID!) { recordCompanyEvent(company: $c, type: LAYOFFS, at: "2026-07-07T07:00:00Z") { id } }`, { c: northwind }),
      send(`mutation { upsertTopic(name: "Parallel Topic", broader: ["Churn"]) { id } }`),
      send(`mutation { upsertContent(url: "https://example.com/parallel", topics: ["Churn"]) { id } }`),
    ]).flat();
    const responses = await Promise.all(requests);
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(await count("MATCH (:Person {workspace: $workspace})-[e:ENGAGED {action: 'COMMENTED'}]->() RETURN count(e)")).toBe(1);
    expect(await count("MATCH (k:Concern {workspace: $workspace, text: 'Parallel worry'}) RETURN count(k)")).toBe(1);
    expect(await count("MATCH (e:CompanyEvent {workspace: $workspace, type: 'LAYOFFS'}) RETURN count(e)")).toBe(1);
    expect(await count("MATCH (t:Topic {workspace: $workspace, key: 'parallel topic'})-[b:BROADER]->() RETURN count(b)")).toBe(1);
    expect(await count("MATCH (c:Content {workspace: $workspace, url: 'https://example.com/parallel'})-[a:ABOUT]->() RETURN count(a)")).toBe(1);
  });
});

describe("evidence bounds (src/scoring.ts)", () => {
  it("are, for every person, what their engagements and concerns add up to: each fact counted once, however often and however concurrently recorded", async () => {
    const bounds = await evidenceBounds(driver, workspace);
    expect(bounds.get("chuck@northwind.io")!.stored.engagement).toBeGreaterThan(0);
    for (const [key, { stored, summed }] of bounds) expect([key, ...rounded(stored)]).toEqual([key, ...rounded(summed)]);
    const companies = await companyEventBounds(driver, workspace);
    expect(companies.get("northwind.io")!.stored).toBeGreaterThan(0);
    for (const [key, { stored, summed }] of companies) expect([key, roundedBound(stored)]).toEqual([key, roundedBound(summed)]);
  });

  it("grow when a concern is recorded again with a higher severity, and only then", async () => {
    const at = "2026-08-08T08:00:00Z";
    const record = (severity: number) => send(`mutation($p: ID!) { recordConcern(person: $p, topic: "CRM", statement: "Forecasts are guesswork", severity: ${severity}, at: "${at}") { id } }`, { p: chuck });
    const concern = async () => (await evidenceBounds(driver, workspace)).get("chuck@northwind.io")!.stored.concern!;
    const before = await concern();
    expect((await record(2)).errors).toBeUndefined();
    expect((await concern()) / (before + concernBound(2, at))).toBeCloseTo(1, 12);
    await record(4);
    const raised = before + concernBound(2, at) + concernBound(4, at);
    expect((await concern()) / raised).toBeCloseTo(1, 12);
    await record(4);
    await record(3);
    expect((await concern()) / raised).toBeCloseTo(1, 12);
  });
});
