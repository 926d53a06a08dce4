/**
 * Plans warmed at start (src/plans/warm.ts): after a server starts, a saved
 * segment's statements have been planned before anyone asks for them. The
 * observable is Neo4j's own record of the statements it ran
 * (`db.stats.retrieve('QUERIES')`, available in Community): each invocation
 * with its text and its parameters, lists shown by size. Neo4j caches a plan
 * by the text and the parameters' types, strings and lists bucketed by size;
 * so a request's statement finds its plan made when the same text ran earlier
 * with parameters of the same types and buckets. A server that does not warm
 * is the control: there, no such earlier run exists.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { warmingWorkspace } from "../../src/plans/warm.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { gql, startTestServer } from "../support/server.js";

const workspace = uniqueWorkspace("plan-warming");
let driver: Driver;

// A shape of company filter no other test asks, so its statements' invocations here are this file's.
const FILTER = { employeesMin: 1, hadEvent: { types: ["IPO"], withinDays: 30 }, NOT: { statuses: ["FORMER_CUSTOMER"] } };
const SAVE = `mutation($input: SegmentInput!) { saveSegment(input: $input) { id } }`;
const MEMBERS = `query($id: ID!) { segment(id: $id) { companies(first: 20) { totalCount edges { node { id } } } } }`;
// Likewise a shape of people filter no other test asks.
const RANKED = { interestedIn: { topics: ["Churn"] }, NOT: { titleContains: "Intern" } };
const RANKED_MEMBERS = `query($id: ID!) { segment(id: $id) { members(first: 5) { totalCount edges { score node { id } } } } }`;

interface Invocation { workspace: string; signature: string; at: number }

async function read(text: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ database: testTarget().database });
  try {
    return (await session.run(text, params)).records;
  } finally {
    await session.close();
  }
}

/** Neo4j's size bucket: 0, 1, then the next power of ten. */
const bucket = (size: number) => (size <= 1 ? size : 10 ** Math.ceil(Math.log10(size)));

/** A parameter as the plan cache keys it, from the collector's rendering: lists as "§LIST[n]", strings as their value. */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") {
    const list = /^§LIST\[(\d+)\]$/.exec(value);
    return list ? `list of ${bucket(Number(list[1]))}` : `string of ${bucket([...value].length)}`;
  }
  return typeof value;
}

/** Of each filter statement (they take $shortlistFrom) and ranking's scoring (it takes the ids as $matching0) run in this workspace or its warming twin: its invocations. */
async function invocationsByText(): Promise<Map<string, Invocation[]>> {
  const records = await read(`CALL db.stats.retrieve('QUERIES') YIELD data
    UNWIND data.invocations AS invocation
    WITH data.query AS text, invocation WHERE invocation.params.workspace IN $workspaces
      AND (invocation.params.shortlistFrom IS NOT NULL OR invocation.params.matching0 IS NOT NULL)
    RETURN text, invocation.params AS params, invocation.startTimestampMillis AS at`, { workspaces: [workspace, warmingWorkspace(workspace)] });
  const byText = new Map<string, Invocation[]>();
  for (const record of records) {
    const params = record.get("params") as Record<string, unknown>;
    const signature = Object.keys(params).sort().map((key) => `${key}: ${typeOf(params[key])}`).join(", ");
    const invocation = { workspace: String(params.workspace), signature, at: neo4j.integer.toNumber(record.get("at")) };
    byText.set(record.get("text"), [...(byText.get(record.get("text")) ?? []), invocation]);
  }
  return byText;
}

/** The segment's statements as a request ran them after `since`, each with whether a warming run of the same plan key came before it. */
async function requestStatements(since: number) {
  const found = [];
  for (const [text, invocations] of await invocationsByText()) {
    for (const request of invocations.filter((invocation) => invocation.workspace === workspace && invocation.at >= since)) {
      const warmed = invocations.some((other) => other.workspace === warmingWorkspace(workspace) && other.signature === request.signature && other.at >= since && other.at <= request.at);
      found.push({ text: text.slice(0, 60), warmed });
    }
  }
  return found;
}

beforeAll(async () => {
  driver = testDriver();
  // Idempotent: it answers that collection is already ongoing when it is.
  await read("CALL db.stats.collect('QUERIES')");
});

afterAll(async () => {
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

/** Runs `use` against a test server of this workspace warming for `seconds` (0: none), stopping it after. */
async function withServer<T>(seconds: string, use: (url: string) => Promise<T>): Promise<T> {
  const server = await startTestServer(workspace, testTarget(), { RAPPORT_WARM_PLANS_SECONDS: seconds });
  try {
    if (seconds !== "0") await server.plansWarmed();
    return await use(server.url);
  } finally {
    await server.stop();
  }
}

/** Saves a segment through `url`, and gives its id. */
async function saveSegment(url: string, input: Record<string, unknown>): Promise<string> {
  const saved = await gql(url, SAVE, { input });
  expect(saved.errors).toBeUndefined();
  return saved.data!.saveSegment.id;
}

/** Asks `query` of the segment `id` through `url`, expecting no error. */
async function ask(url: string, query: string, id: string) {
  const { data, errors } = await gql(url, query, { id });
  expect(errors).toBeUndefined();
  return data!.segment;
}

/** Asks `query` of the segment `id` through a server warming for `seconds`: the answer, and the statements the request ran. */
async function askWarmed(seconds: string, query: string, id: string) {
  const since = Date.now();
  const segment = await withServer(seconds, (url) => ask(url, query, id));
  return { segment, statements: await requestStatements(since) };
}

describe("plans warmed at start", () => {
  it("plans every saved segment's statements before the first request; a server that does not warm leaves them to it", async () => {
    const coldSince = Date.now();
    const id = await withServer("0", async (url) => {
      const saved = await saveSegment(url, { name: "Recent IPOs", companies: FILTER });
      await ask(url, MEMBERS, saved);
      return saved;
    });
    const unwarmed = await requestStatements(coldSince);
    expect(unwarmed.length).toBeGreaterThanOrEqual(2);
    expect(unwarmed.filter((statement) => statement.warmed)).toEqual([]);

    const { segment, statements } = await askWarmed("5", MEMBERS, id);
    expect(segment.companies.totalCount).toBe(0);
    // The page and the count, both planned by the warming run first.
    expect(statements.length).toBeGreaterThanOrEqual(2);
    expect(statements.filter((statement) => !statement.warmed)).toEqual([]);
  });

  it("plans a ranked segment's scoring for as many ids as its members may number, before its first request", async () => {
    expect((await importGraphDocument(testDb(driver), smallGraph(), { workspace })).ok).toBe(true);
    const id = await withServer("0", (url) => saveSegment(url, { name: "Churn, not interns", people: RANKED }));
    const { segment, statements } = await askWarmed("30", RANKED_MEMBERS, id);
    expect(segment.members.totalCount).toBeGreaterThan(0);
    // The filter's ids, then their scoring: a text every filter of its kind shares, warmed at each size bucket.
    expect(statements.length).toBe(2);
    expect(statements.filter((statement) => !statement.warmed)).toEqual([]);
  });

  it("plans the lookup of a request's API key, which a server that does not warm leaves to the first request", async () => {
    // The warming looks up a hash no key has; the lookup takes no workspace, so it is told apart by that hash.
    const warmingLookups = async (since: number) => (await read(`CALL db.stats.retrieve('QUERIES') YIELD data
      UNWIND data.invocations AS invocation
      WITH data.query AS text, invocation WHERE text CONTAINS 'MATCH (k:ApiKey {hash: $hash})'
        AND invocation.params.hash = $unknownHash AND invocation.startTimestampMillis >= $since
      RETURN count(*) AS runs`, { unknownHash: "0".repeat(64), since }))[0]!.get("runs").toNumber();
    // The collector keeps a hundred runs of a statement, and the other files' requests with API keys run this one
    // far more often: collecting anew, the warming's run is among the first.
    await read("CALL db.stats.stop('QUERIES')");
    await read("CALL db.stats.clear('QUERIES')");
    await read("CALL db.stats.collect('QUERIES')");
    const coldSince = Date.now();
    await withServer("0", async () => {});
    expect(await warmingLookups(coldSince)).toBe(0);
    const warmSince = Date.now();
    await withServer("5", async () => {});
    expect(await warmingLookups(warmSince)).toBeGreaterThan(0);
  });
});
