/**
 * Limits through HTTP: an over-deep query, an over-cost one (defaults and
 * variables counted), one with too many expensive fields, `first` over 100
 * and `maxHops: 9` are refused before Neo4j is touched — the server's driver opens no session at all — while a
 * fair query does open sessions; batches, introspection and the body size.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, gql, post, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("limits");
const driver = testDriver();
let server: TestServer;

beforeAll(async () => {
  expect((await importGraphDocument(testDb(driver), smallGraph(), { workspace })).ok).toBe(true);
  server = await startTestServer(workspace);
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

/** The request's response, and how many Neo4j sessions the server opened while answering it. */
async function metered(query: string, variables: Record<string, unknown> = {}) {
  const before = server.sessions();
  const response = await post(server.url, { query, variables });
  return { ...response, sessions: server.sessions() - before };
}

async function refusedUntouched(query: string, variables: Record<string, unknown>, code: string, message: string | RegExp, status = 400) {
  const response = await metered(query, variables);
  expect(response.sessions).toBe(0);
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ errors: [{ message: typeof message === "string" ? message : expect.stringMatching(message), extensions: { code } }] });
  expect(response.body).not.toHaveProperty("data");
}

const DEEP = '{ person(email: "chuck@northwind.io") { company { employees { company { employees { company { employees { company { employees { company { name } } } } } } } } } } }';

describe("refused before touching Neo4j", () => {
  it("counts the sessions a fair query opens (so a zero below means something)", async () => {
    const fair = await metered('{ person(email: "chuck@northwind.io") { name company { name } } }');
    expect(fair.body).toEqual({ data: { person: { name: "Chuck Rivera", company: { name: "Northwind" } } } });
    expect(fair.sessions).toBe(2);
  });

  it("an over-deep query: QUERY_TOO_DEEP", async () => {
    await refusedUntouched(DEEP, {}, "QUERY_TOO_DEEP", "the operation nests fields 11 deep; this server allows at most 10");
  });

  it("an over-cost query, counting the schema's defaults and the variables: QUERY_TOO_COSTLY", async () => {
    // companies (20 by default) × employees (50) × engagements (20) × …
    await refusedUntouched("{ companies { edges { node { employees { engagements { content { title } } } } } } }", {}, "QUERY_TOO_COSTLY",
      /^the operation could return about \d+ items \(each first multiplies the fields below it\); this server allows at most 10000/);
    const nested = "query($n: Int!) { people(first: $n) { edges { node { name engagements(first: $n) { at } } } } }";
    await refusedUntouched(nested, { n: 100 }, "QUERY_TOO_COSTLY", /^the operation could return about 10401 items/);
    expect((await metered(nested, { n: 10 })).body).not.toHaveProperty("errors");
  });

  it("forty aliases of a whole-workspace list, cheap by item count: QUERY_TOO_COSTLY for its expensive fields", async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `p${i}: prospects(where: { interestedIn: { topics: ["CRM"] } }, first: 1) { totalCount }`).join(" ");
    await refusedUntouched(`{ ${aliases} }`, {}, "QUERY_TOO_COSTLY", /^the operation runs 40 searches of the workspace .*at most 4 in one operation/);
  });

  it("first over 100: BAD_USER_INPUT", async () => {
    await refusedUntouched("{ people(first: 101) { totalCount } }", {}, "BAD_USER_INPUT", "first must be an integer from 0 to 100");
  });

  it("a variable that is not of its type, or a required one left out: BAD_USER_INPUT, and nothing runs", async () => {
    // HTTP 200, as the GraphQL-over-HTTP spec asks of an application/json answer (tests/e2e/graphql-over-http.test.ts).
    await refusedUntouched("query($n: Int) { people(first: $n) { totalCount } }", { n: "many" }, "BAD_USER_INPUT", /^Variable "\$n" got invalid value "many"/, 200);
    await refusedUntouched("query($name: String!) { topic(name: $name) { name } }", {}, "BAD_USER_INPUT", 'Variable "$name" of required type "String!" was not provided.', 200);
  });

  it("maxHops: 9, written in the query, in a variable, nested in a filter or as introductionPaths' argument: BAD_USER_INPUT", async () => {
    await refusedUntouched("{ people(where: { connectedTo: { maxHops: 9 } }) { totalCount } }", {}, "BAD_USER_INPUT", "where.connectedTo.maxHops: maxHops is at most 4");
    await refusedUntouched("query($w: PersonWhere) { people(where: $w) { totalCount } }", { w: { OR: [{ connectedTo: { maxHops: 9 } }] } },
      "BAD_USER_INPUT", "where.OR[0].connectedTo.maxHops: maxHops is at most 4");
    await refusedUntouched("{ companies(where: { employs: { connectedTo: { maxHops: 9 } } }) { totalCount } }", {},
      "BAD_USER_INPUT", "where.employs.connectedTo.maxHops: maxHops is at most 4");
    await refusedUntouched('{ introductionPaths(to: "someone", maxHops: 9) { hops } }', {}, "BAD_USER_INPUT", "maxHops: maxHops is at most 4");
  });
});

describe("configurable limits", () => {
  it("takes its bounds from the environment", async () => {
    const strict = await startTestServer(workspace, undefined, { RAPPORT_MAX_DEPTH: "3", RAPPORT_MAX_COST: "30", RAPPORT_MAX_FIRST: "10", RAPPORT_MAX_HOPS: "2" });
    try {
      expect((await gql(strict.url, '{ person(email: "chuck@northwind.io") { company { name } } }')).data).toEqual({ person: { company: { name: "Northwind" } } });
      expect((await gql(strict.url, '{ person(email: "x") { company { employees(first: 1) { name } } } }')).errors?.[0]?.extensions.code).toBe("QUERY_TOO_DEEP");
      expect((await gql(strict.url, "{ people(first: 10) { totalCount pageInfo { hasNextPage endCursor } } }")).errors?.[0]?.extensions.code).toBe("QUERY_TOO_COSTLY");
      expect((await gql(strict.url, "{ people(first: 11) { totalCount } }")).errors?.[0]?.message).toBe("first must be an integer from 0 to 10");
      expect((await gql(strict.url, "{ people(where: { connectedTo: { maxHops: 3 } }) { totalCount } }")).errors?.[0]?.message)
        .toBe("where.connectedTo.maxHops: maxHops is at most 2");
    } finally {
      await strict.stop();
    }
  });
});

describe("batches", () => {
  const op = { query: '{ topic(name: "CRM") { name } }' };

  it("are off by default: an array of operations is refused", async () => {
    const response = await post(server.url, [op, op]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ extensions: { code: "BATCH_TOO_LARGE" } }] });
  });

  it("run up to RAPPORT_MAX_BATCH operations, and a longer batch is refused whole with BATCH_TOO_LARGE", async () => {
    const batching = await startTestServer(workspace, undefined, { RAPPORT_MAX_BATCH: "2" });
    try {
      const two = await post(batching.url, [op, op]);
      expect(two.body).toEqual([{ data: { topic: { name: "CRM" } } }, { data: { topic: { name: "CRM" } } }]);
      const before = batching.sessions();
      const three = await post(batching.url, [op, op, op]);
      expect(three.status).toBe(400);
      expect(three.body).toEqual({ errors: [{ message: "a batch may hold at most 2 operations; this one has 3", extensions: { code: "BATCH_TOO_LARGE" } }] });
      expect(batching.sessions()).toBe(before);
    } finally {
      await batching.stop();
    }
  });
});

describe("introspection and body size", () => {
  const INTROSPECT = { query: "{ __schema { queryType { name } } }" };

  it("introspection is on in development, off in production unless RAPPORT_INTROSPECTION=true", async () => {
    expect((await post(server.url, INTROSPECT)).body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    const { key } = await createApiKey(testDb(driver), { workspace, email: "rep@ourco.example", role: "READER" });
    for (const [setting, allowed] of [[undefined, false], ["true", true]] as const) {
      const production = await startTestServer(workspace, undefined, { NODE_ENV: "production", RAPPORT_AUTH: "apikey", ...(setting ? { RAPPORT_INTROSPECTION: setting } : {}) });
      try {
        const response = await post(production.url, INTROSPECT, bearer(key));
        if (allowed) expect(response.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
        else expect(response.body).toMatchObject({ errors: [{ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] });
      } finally {
        await production.stop();
      }
    }
  });

  it("a body over REQUEST_BODY_LIMIT is refused with HTTP 413, and one that is not JSON with 400, as JSON errors without a stack trace", async () => {
    const send = (body: string) => fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body });
    const large = await send(JSON.stringify({ query: `{ search(text: "${"a".repeat(1_100_000)}") { score } }` }));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ errors: [{ message: "the request body is larger than this server accepts (1mb)", extensions: { code: "BAD_REQUEST" } }] });
    const garbled = await send("{not json");
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toEqual({ errors: [{ message: "the request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
  });
});
