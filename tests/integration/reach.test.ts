/**
 * Reach, the strength of the strongest path from a person, is found for a
 * whole list of people at once (src/filters/reach.ts) in one of two ways:
 * from the origin's and each person's own connections when few people are
 * listed, by one widening from the origin otherwise. The statement chooses as
 * it runs, by $fewBelow; here the statements that use it run with each way
 * forced, on a generated graph where hundreds of people are listed:
 * - prospects within two hops (of a person, or of any user) must rank alike
 *   with the same evidence, and lose nobody;
 * - prospects without connectedTo, whose connection signal looks two hops
 *   from the viewer, take everyone's reach from one widening, which must be
 *   the strongest path's strength the graph document itself gives;
 * - a company export's best contact at each company must be the one the
 *   graph document itself gives, and of equally connected contacts the
 *   first by email (a hand-made document, as generated strengths rarely tie).
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MIN_STRENGTH } from "../../src/filters/compile.js";
import { prospectsPage } from "../../src/filters/prospects.js";
import { joinedPieces, LIST_PIECE } from "../../src/db/pieces.js";
import type { Statement } from "../../src/db/run.js";
import { companiesExport, peopleCount } from "../../src/filters/statements.js";
import type { PersonWhere } from "../../src/filters/types.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { DocumentIndex } from "../support/in-memory/evaluator.js";
import { personIdOf, viewerOf } from "../differential/viewer.js";
import { importedGraph } from "../support/imported-graph.js";
import { uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const reachGraph = importedGraph("reach", 31, 600);
const { workspace, driver, db, graph } = reachGraph;

/** The rows of `statement` with its one parameter named `base` (as rendered: `base0`, `base1` …) set to `value`. */
async function readWith<R>(statement: Statement<R>, base: string, value: number) {
  const names = Object.keys(statement.params).filter((name) => new RegExp(`^${base}\\d+$`).test(name));
  expect(names).toHaveLength(1);
  return db.read({ ...statement, params: { ...statement.params, [names[0]!]: neo4j.int(value) } });
}

/** The rows of `statement`, with the way of finding reach chosen by `fewBelow`. */
const readWithFewBelow = <R>(statement: Statement<R>, fewBelow: number) => readWith(statement, "fewBelow", fewBelow);

/** The ranked rows of prospects for `where`: the ids the filter matches, scored. */
async function ranked(where: PersonWhere, fewBelow: number) {
  const page = prospectsPage(where, { workspace, viewerId: reachGraph.viewerId, shortlistFrom: 2_000, topicIds: new Map() }, 10_000, { scoredAt: graph.builtAt.toISOString(), after: null });
  if (page.kind !== "reached") throw new Error("these rankings have connectedTo");
  const { ids } = joinedPieces(await db.read(page.matching), ["ids"]);
  return readWithFewBelow(page.scored(ids), fewBelow);
}

describe("prospects within two hops: reach of the people who match", () => {
  const filters: [string, PersonWhere][] = [
    ["everyone within two hops", { connectedTo: { maxHops: 2 } }],
    ["strong links only", { connectedTo: { maxHops: 2, minStrength: 0.5 } }],
    ["our connections (from every user)", { connectedTo: { team: true, maxHops: 2 } }],
  ];

  it.each(filters)("%s: the widening ranks as the per-person way does", async (_, where) => {
    const few = await ranked(where, Number.MAX_SAFE_INTEGER);
    const widening = await ranked(where, 0);
    expect(few.length).toBeGreaterThan(200);
    expect(widening).toEqual(few);
  });

  it.each(filters)("%s: ranks everyone the filter matches, neither way losing a person", async (_, where) => {
    const [counted] = await db.read(peopleCount(where, { workspace, viewerId: reachGraph.viewerId, shortlistFrom: 2_000, topicIds: new Map() }));
    expect((await ranked(where, 0)).length).toBe(Number(counted!.total));
    expect((await ranked(where, Number.MAX_SAFE_INTEGER)).length).toBe(Number(counted!.total));
  });
});

describe("prospects without connectedTo: the viewer's reach of everyone", () => {
  it("is the strength of each person's strongest path of at most two connections, as the graph document gives it", async () => {
    const page = prospectsPage({}, { workspace, viewerId: reachGraph.viewerId, shortlistFrom: 2_000, topicIds: new Map() }, 10, { scoredAt: graph.builtAt.toISOString(), after: null });
    if (page.kind !== "workspace" || !page.reach) throw new Error("a ranking without connectedTo, with a viewer, reads the viewer's reach");
    const { reached } = joinedPieces(await db.read(page.reach), ["reached"]);
    const emails = new Map((await db.read<{ id: string; email: string }>({
      name: "test/emails", text: "MATCH (p:Person {workspace: $workspace}) RETURN p.id AS id, coalesce(p.email, p.profileUrl) AS email", params: { workspace }, columns: ["id", "email"],
    })).map(({ id, email }) => [id, email]));
    const found = new Map(reached.map(([id, reach]) => [emails.get(id)!, reach]));
    const expected = new DocumentIndex(graph.normalized).strongestReach(viewerOf(graph.normalized)!, 2, DEFAULT_MIN_STRENGTH);
    expect(found.size).toBeGreaterThan(100);
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [email, reach] of expected) expect(found.get(email)).toBeCloseTo(reach, 9);
  });
});

describe("the long lists of a ranking come in pieces, a record each (src/db/pieces.ts)", () => {
  /** The statement's records with `$piece` set to `piece`. */
  const inPiecesOf = <R>(statement: Statement<R>, piece: number) => readWith(statement, "piece", piece);

  it("gives the matching people and the viewer's reach whole, however small the pieces", async () => {
    const page = prospectsPage({}, { workspace, viewerId: reachGraph.viewerId, shortlistFrom: 2_000, topicIds: new Map() }, 10, { scoredAt: graph.builtAt.toISOString(), after: null });
    if (page.kind !== "workspace" || !page.reach) throw new Error("a ranking without connectedTo, with a viewer, reads the viewer's reach");
    const records = await db.read(page.matching);
    expect(records).toHaveLength(Math.ceil(graph.normalized.people.length / LIST_PIECE));
    const matching = joinedPieces(records, ["ids", "evidence"]);
    expect(matching.ids).toHaveLength(graph.normalized.people.length);
    const small = await inPiecesOf(page.matching, 7);
    expect(small).toHaveLength(Math.ceil(matching.ids.length / 7));
    expect(joinedPieces(small, ["ids", "evidence"])).toEqual(matching);
    const reach = joinedPieces(await db.read(page.reach), ["reached"]);
    const smallReach = await inPiecesOf(page.reach, 7);
    expect(smallReach).toHaveLength(Math.ceil(reach.reached.length / 7));
    expect(joinedPieces(smallReach, ["reached"])).toEqual(reach);
  });

  it("gives empty lists when nobody matches", async () => {
    const page = prospectsPage({ titleContains: "nobody has this title" }, { workspace, viewerId: reachGraph.viewerId, shortlistFrom: 2_000, topicIds: new Map() }, 10, { scoredAt: graph.builtAt.toISOString(), after: null });
    expect(joinedPieces(await db.read(page.matching), ["ids", "evidence"])).toEqual({ ids: [], evidence: [] });
  });
});

describe("a company export: the best-connected contact at each company", () => {
  /** From the graph document: each company's current employee of the strongest reach from the viewer, ties by email. */
  function expectedContacts(): Map<string, { email: string; reach: number }> {
    const index = new DocumentIndex(graph.normalized);
    const viewer = viewerOf(graph.normalized);
    const reach = index.strongestReach(viewer!, 2, 0);
    const best = new Map<string, { email: string; reach: number }>();
    for (const person of graph.normalized.people) {
      const current = person.company !== undefined && (person.until === undefined || Date.parse(person.until) > Date.now());
      const strength = reach.get(person.key) ?? 0;
      if (!current || strength === 0) continue;
      const known = best.get(person.company!);
      if (!known || strength > known.reach || (strength === known.reach && person.key < known.email)) {
        best.set(person.company!, { email: person.key, reach: strength });
      }
    }
    return best;
  }

  it.each([["few", Number.MAX_SAFE_INTEGER], ["widening", 0]])("every company, reach found the %s way", async (_, fewBelow) => {
    const rows = await readWithFewBelow(companiesExport({}, { workspace, viewerId: reachGraph.viewerId, shortlistFrom: 2_000, topicIds: new Map() }), fewBelow);
    const expected = expectedContacts();
    expect(rows).toHaveLength(graph.normalized.companies.length);
    expect(expected.size).toBeGreaterThan(20);
    for (const row of rows) {
      const contact = expected.get(String(row.domain));
      expect([row.domain, row.contactEmail ?? null]).toEqual([row.domain, contact?.email ?? null]);
      if (contact) expect(Number(row.connection)).toBeCloseTo(contact.reach, 9);
      else expect(row.connection).toBeNull();
    }
  });
});

describe("a company export: equally connected contacts", () => {
  const tied = uniqueWorkspace("reach-ties");
  // Bea and Cal are one hop from the viewer at 0.5, Abe two hops at 0.5 × 1.
  const document = {
    version: 1,
    companies: [{ domain: "ours.example" }, { domain: "tied.example" }],
    people: [
      { email: "viewer@ours.example", name: "Viewer", company: "ours.example", since: "2020-01-01" },
      { email: "bea@tied.example", name: "Bea", company: "tied.example", since: "2020-01-01" },
      { email: "cal@tied.example", name: "Cal", company: "tied.example", since: "2020-01-01" },
      { email: "abe@tied.example", name: "Abe", company: "tied.example", since: "2020-01-01" },
    ],
    connections: [
      { a: "viewer@ours.example", b: "bea@tied.example", strength: 0.5 },
      { a: "viewer@ours.example", b: "cal@tied.example", strength: 0.5 },
      { a: "bea@tied.example", b: "abe@tied.example", strength: 1 },
    ],
  };
  let tiedViewerId: string;

  beforeAll(async () => {
    const result = await importGraphDocument(db, document, { workspace: tied });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    tiedViewerId = await personIdOf(db, tied, "viewer@ours.example");
  });

  afterAll(async () => {
    await wipeWorkspace(driver, tied);
  });

  it.each([["few", Number.MAX_SAFE_INTEGER], ["widening", 0]])("the first by email is the contact, reach found the %s way", async (_, fewBelow) => {
    const rows = await readWithFewBelow(companiesExport({ domains: ["tied.example"] }, { workspace: tied, viewerId: tiedViewerId, shortlistFrom: 2_000, topicIds: new Map() }), fewBelow);
    expect(rows.map((row) => [row.domain, row.contactEmail, row.connection])).toEqual([["tied.example", "abe@tied.example", 0.5]]);
  });
});
