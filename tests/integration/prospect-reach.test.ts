/**
 * prospects within two hops, and prospects without connectedTo (whose
 * connection signal looks two hops from the viewer), find each matching
 * person's reach in one of two ways (cypher/filters/prospect/reach-of-matching.cypher): from the origin's
 * and each person's own connections when few people match, by one widening
 * from the origin otherwise. The statement chooses as it runs, by $fewBelow;
 * here the same statement runs with each way forced, on a generated graph
 * where hundreds of people match, and both must rank alike with the same
 * evidence.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prospectsPage } from "../../src/filters/prospects.js";
import { peopleCount } from "../../src/filters/statements.js";
import type { PersonWhere } from "../../src/filters/types.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { differentialGraph } from "../differential/graphs.js";
import { viewerOf } from "../differential/viewer.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const workspace = uniqueWorkspace("prospect-reach");
const driver = testDriver();
const db = testDb(driver);
const graph = differentialGraph(31, 600);
let viewerId: string;

beforeAll(async () => {
  expect((await importGraphDocument(db, graph.document, { workspace })).ok).toBe(true);
  const [viewer] = await db.readCompiled("test/viewer", {
    text: "MATCH (p:Person {workspace: $workspace, email: $email}) RETURN p.id AS id",
    params: { workspace, email: viewerOf(graph.normalized) },
  });
  viewerId = String(viewer!.id);
}, 120_000);

afterAll(async () => {
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

/** The ranked rows of the statement for `where`, with the way of finding reach chosen by `fewBelow`. */
async function ranked(where: PersonWhere, fewBelow: number) {
  const statement = prospectsPage(where, { workspace, viewerId, shortlistFrom: 2_000 }, 10_000, { scoredAt: graph.builtAt.toISOString(), after: null });
  const threshold = Object.keys(statement.params).filter((name) => name.endsWith("_fewBelow"));
  expect(threshold).toHaveLength(1);
  return db.readCompiled("test/prospects", { ...statement, params: { ...statement.params, [threshold[0]!]: neo4j.int(fewBelow) } });
}

describe("prospects within two hops: reach of the people who match", () => {
  const filters: [string, PersonWhere][] = [
    ["everyone within two hops", { connectedTo: { maxHops: 2 } }],
    ["strong links only", { connectedTo: { maxHops: 2, minStrength: 0.5 } }],
    ["everyone, without connectedTo", {}],
  ];

  it.each(filters)("%s: the widening ranks as the per-person way does", async (_, where) => {
    const few = await ranked(where, Number.MAX_SAFE_INTEGER);
    const widening = await ranked(where, 0);
    expect(few.length).toBeGreaterThan(200);
    expect(widening).toEqual(few);
  });

  it.each(filters)("%s: ranks everyone the filter matches, neither way losing a person", async (_, where) => {
    const [counted] = await db.readCompiled("test/count", peopleCount(where, { workspace, viewerId, shortlistFrom: 2_000 }));
    expect((await ranked(where, 0)).length).toBe(Number(counted!.total));
    expect((await ranked(where, Number.MAX_SAFE_INTEGER)).length).toBe(Number(counted!.total));
  });
});
