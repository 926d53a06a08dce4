/**
 * Nested fields go through per-request loaders, so the number of Neo4j round
 * trips depends on the depth of the query, not on how many rows it returns.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createRequestContext } from "../../src/context.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { createLogger } from "../../src/logger.js";
import { createApolloServer } from "../../src/server.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const workspace = uniqueWorkspace("round-trips");
const driver = testDriver();
const db = testDb(driver);
const apollo = createApolloServer(createLogger("silent"), loadConfig({}));

beforeAll(async () => {
  expect((await importGraphDocument(db, smallGraph(), { workspace })).ok).toBe(true);
  await apollo.start();
});

afterAll(async () => {
  await apollo.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

const FIELDS = "name company { name events { type } employees { email interests { topic { name broader { name } } } } } interests { topic { name } }";

async function execute(query: string) {
  const contextValue = createRequestContext(db, "test", { workspace, email: "rep@ourco.example", role: "READER", via: "api-key" }, { search: { shortlistFrom: 2_000, filterStart: "cost" as const, contendersFrom: 100_000 }, relationships: { halfLifeDays: 90, decayEveryMinutes: 0 } });
  const response = await apollo.executeOperation({ query }, { contextValue });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  expect(response.body.singleResult.errors).toBeUndefined();
  return { data: response.body.singleResult.data, meter: contextValue.db.meter };
}

describe("round trips", () => {
  it("costs the same number of round trips for one person as for four", async () => {
    const one = await execute(`{ a: person(email: "chuck@northwind.io") { ${FIELDS} } }`);
    const four = await execute(`{
      a: person(email: "chuck@northwind.io") { ${FIELDS} }
      b: person(email: "erin@contoso.example") { ${FIELDS} }
      c: person(email: "dana@northwind.io") { ${FIELDS} }
      d: person(email: "rep@ourco.example") { ${FIELDS} }
    }`);
    expect(Object.keys(four.data ?? {})).toHaveLength(4);
    expect(four.meter.roundTrips).toBe(one.meter.roundTrips);
    // one call per loader and level: the person; their employment and interests; the company's
    // events and employees; those topics' broader topics. The employees' interests cost nothing:
    // each employee is a person already asked for, and a loader answers a key once per request.
    expect([...one.meter.names].sort()).toEqual([
      "company/employees",
      "company/events",
      "person/by-emails",
      "person/employment",
      "person/interests",
      "topic/broader",
    ]);
  });

  it("batches the keys of one level into one call", async () => {
    const { meter } = await execute(`{
      a: person(email: "chuck@northwind.io") { interests { topic { name } } }
      b: person(email: "erin@contoso.example") { interests { topic { name } } }
    }`);
    expect(meter.names).toEqual(["person/by-emails", "person/interests"]);
  });

  it("costs the same round trips for a page of one prospect as for a page of all, with the brief of each", async () => {
    const prospects = (first: number) => `{
      prospects(where: {}, first: ${first}) {
        totalCount
        edges { score node { name company { name events { type } } interests { topic { name } } connectionToViewer { hops people { email } } } }
      }
    }`;
    const one = await execute(prospects(1));
    const all = await execute(prospects(100));
    const edges = (result: typeof one) => (result.data as { prospects: { edges: unknown[] } }).prospects.edges.length;
    expect(edges(one)).toBe(1);
    expect(edges(all)).toBeGreaterThan(3);
    expect(all.meter.roundTrips).toBe(one.meter.roundTrips);
    expect([...all.meter.names].sort()).toEqual([
      "company/events",
      "filters/people-ids",
      "filters/prospects-page",
      "filters/prospects-reach",
      "filters/strongest-paths",
      "person/by-emails",
      "person/employment",
      "person/interests",
    ]);
  });

  it("checks that the viewer exists without a second lookup: found by email, known by id", async () => {
    const { meter } = await execute(`{ people(where: { connectedTo: { maxHops: 2 } }) { totalCount edges { node { name } } } }`);
    // The reach is estimated once a while per person (src/filters/start-choice.ts): it decides the statement's shortlist steps.
    // A list that expands reads its total with its page (src/filters/statements.ts's ListStatements): no count statement.
    expect([...meter.names].sort()).toEqual(["filters/estimate-reach", "filters/people-page", "person/by-emails"]);
  });

  it("does not look the viewer up for a question that names its people", async () => {
    const { data } = await execute(`{ person(email: "chuck@northwind.io") { id } }`);
    const chuck = (data as { person: { id: string } }).person.id;
    const total = (result: { data: unknown }) => (result.data as { people: { totalCount: number } }).people.totalCount;
    const connected = await execute(`{ people(where: { connectedTo: { person: "${chuck}", maxHops: 2 } }) { totalCount edges { node { email } } } }`);
    const near = await execute(`{ people(where: { near: { person: "${chuck}", radiusKm: 5 } }) { totalCount } }`);
    const prospects = await execute(`{ prospects(where: { connectedTo: { person: "${chuck}" } }) { edges { node { email } } } }`);
    const paths = await execute(`{ introductionPaths(from: "${chuck}", to: "${chuck}") { hops } }`);
    expect(total(connected)).toBeGreaterThan(0);
    expect(total(near)).toBe(1);
    for (const { meter } of [connected, near, prospects, paths]) expect(meter.names).not.toContain("person/by-emails");
    expect([...connected.meter.names].sort()).toEqual(["filters/estimate-reach", "filters/people-page", "person/by-ids"]);
  });
});
