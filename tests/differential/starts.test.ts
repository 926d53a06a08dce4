/**
 * Every start of a statement gives the same answers (src/filters/start-choice.ts):
 * company filters with a windowed top-level hadEvent, most with a top-level
 * employs.connectedTo, some with random conditions besides, asked of two servers over one generated
 * graph, one that always starts from the people connectedTo reaches
 * (RAPPORT_FILTER_START=connected) and one that always starts from the
 * events (=events, its connections tested from both ends), each compared with
 * the in-memory evaluator, totalCount included. A mismatch names the filter
 * as JSON; `STARTS_SEED=7 npx vitest run tests/differential/starts.test.ts`
 * draws another graph and other filters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Random } from "../../seed/generator/random.js";
import type { CompanyWhere } from "../../src/filters/types.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { InMemoryEvaluator } from "../support/in-memory/evaluator.js";
import { gql, startTestServer, type TestServer } from "../support/server.js";
import { differentialGraph, type DifferentialGraph } from "./graphs.js";
import { RandomWhere } from "./random-where.js";
import { signInAsViewer, viewerOf } from "./viewer.js";

const SEED = Number(process.env.STARTS_SEED ?? 505);
const PEOPLE = 200;
/** Each filter a new shape, mostly: planning, not reading, is what takes the time here. */
const FILTERS = 14;
const WINDOWS = [30, 60, 90, 180, 365, 730];
const STARTS = ["connected", "events"] as const;

const driver = testDriver();
const workspace = uniqueWorkspace(`starts-${SEED}`);
let graph: DifferentialGraph;
let servers: Record<(typeof STARTS)[number], TestServer>;
let signedIn: Record<string, string>;
let oracle: InMemoryEvaluator;
let random: RandomWhere;
const emailOfId = new Map<string, string>();

beforeAll(async () => {
  graph = differentialGraph(SEED, PEOPLE);
  const imported = await importGraphDocument(testDb(driver), graph.document, { workspace });
  if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.problems.slice(0, 5))}`);
  signedIn = await signInAsViewer(testDb(driver), workspace, graph.normalized);
  const started = await Promise.all(STARTS.map((start) => startTestServer(workspace, undefined, { RAPPORT_FILTER_START: start, NEO4J_TX_TIMEOUT_MS: "60000" })));
  servers = { connected: started[0]!, events: started[1]! };
  const session = driver.session();
  const people = (await session.run("MATCH (p:Person {workspace: $workspace}) RETURN p.id AS id, p.email AS email", { workspace }))
    .records.map((record) => ({ id: record.get("id") as string, email: record.get("email") as string }));
  await session.close();
  for (const person of people) emailOfId.set(person.id, person.email);
  const viewer = viewerOf(graph.normalized);
  oracle = new InMemoryEvaluator(graph.normalized, { viewer, emailOfId: (id) => emailOfId.get(id) });
  const located = new Map(graph.normalized.people.map((p) => [p.email, p.location]));
  random = new RandomWhere(graph.normalized, SEED, {
    people: people.map((person) => ({ id: person.id, email: person.email, location: located.get(person.email) })),
    viewerLocation: viewer === null ? undefined : located.get(viewer),
    stream: "differential-starts",
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(servers ?? {}).map((server) => server.stop()));
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

/**
 * A company filter with a windowed hadEvent at its top level (of a type the
 * graph has, sometimes), in most a top-level employs.connectedTo (from a
 * person, the viewer or the team, of 1 to 3 hops, sometimes with a minimum
 * strength), and sometimes one more random condition on the employees or the
 * company; redrawn a few times while it matches nothing.
 */
function drawFilter(draw: Random): CompanyWhere {
  const types = [...new Set(graph.normalized.events.map((event) => event.type))];
  for (let attempt = 1; ; attempt++) {
    const where: CompanyWhere = { hadEvent: { withinDays: draw.pick(WINDOWS), ...(draw.chance(0.4) && { types: [draw.pick(types)] }) } };
    if (draw.chance(0.8)) {
      const from = draw.weighted<"person" | "viewer" | "team">([["person", 5], ["viewer", 2], ["team", 2]]);
      const connectedTo = {
        ...(from === "team" ? { team: true } : from === "person" ? { person: draw.pick([...emailOfId.keys()]) } : {}),
        maxHops: draw.weighted([[1, 1], [2, 2], [3, 2]]),
        ...(draw.chance(0.4) && { minStrength: draw.pick([0.2, 0.3, 0.5, 0.75]) }),
      };
      where.employs = { ...(draw.chance(0.3) && random.person(0)), connectedTo };
    }
    if (draw.chance(0.3)) Object.assign(where, { ...random.company(0), hadEvent: where.hadEvent, employs: where.employs });
    if (oracle.companies(where).length > 0 || attempt === 12) return where;
  }
}

async function domains(server: TestServer, where: CompanyWhere): Promise<string[]> {
  const response = await gql(server.url, `query($where: CompanyWhere) { companies(where: $where, first: 100) { totalCount edges { node { domain } } } }`, { where }, signedIn);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const list = response.data!.companies as { totalCount: number; edges: { node: { domain: string } }[] };
  const found = list.edges.map(({ node }) => node.domain).sort();
  if (list.totalCount !== found.length) throw new Error(`totalCount ${list.totalCount}, but the page holds ${found.length}`);
  return found;
}

describe(`company filters from either start: seed ${SEED}, ${PEOPLE} people`, () => {
  it(`${FILTERS} filters answer alike from the people reached and from the events`, { timeout: 300_000 }, async () => {
    const draw = new Random(SEED, "differential-starts-windows");
    const filters = Array.from({ length: FILTERS }, () => drawFilter(draw));
    const describe = (where: CompanyWhere) => JSON.stringify(where, (key, value: unknown) => (key === "person" && typeof value === "string" ? `id:${emailOfId.get(value) ?? value}` : value));
    const failures: string[] = [];
    let matched = 0;
    for (const where of filters) {
      const expected = [...oracle.companies(where)].sort();
      if (expected.length > 0) matched++;
      for (const start of STARTS) {
        const got = await domains(servers[start], where);
        if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${start}: ${describe(where)}\n  service ${JSON.stringify(got)}\n  evaluator ${JSON.stringify(expected)}`);
      }
    }
    expect(failures, failures.slice(0, 5).join("\n\n")).toEqual([]);
    // Filters that all match nothing would compare little.
    expect(matched).toBeGreaterThan(filters.length / 2);
  });
});
