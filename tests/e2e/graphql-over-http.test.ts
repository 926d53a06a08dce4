/**
 * /graphql held to the GraphQL-over-HTTP spec by graphql-http's own audit
 * suite (every MUST and SHOULD passes, in dev mode and with API keys), and
 * what common clients send by default: GET queries where a bearer token is
 * required, automatic persisted queries with a wrong hash, a selection of
 * `name` on every member of the search union.
 */
import { createHash } from "node:crypto";
import { auditServer, type AuditResult } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("graphql-over-http");
const driver = testDriver();
// The audits send some fifty requests at once, each looking its API key up in Neo4j: neither the rate
// limit nor admission control (which sheds such a burst on a busy machine) is what they test.
const KEYED = { RAPPORT_AUTH: "apikey", RAPPORT_RATE_LIMIT_PER_S: "0", RAPPORT_MAX_QUEUED_QUERIES: "500", RAPPORT_QUEUE_TIMEOUT_MS: "60000" };
let dev: TestServer;
let withKeys: TestServer;
let key: string;

beforeAll(async () => {
  const db = testDb(driver);
  expect((await importGraphDocument(db, smallGraph(), { workspace })).ok).toBe(true);
  key = (await createApiKey(db, { workspace, email: "reader@ourco.example", role: "READER" })).key;
  [dev, withKeys] = await Promise.all([startTestServer(workspace), startTestServer(workspace, undefined, KEYED)]);
});

afterAll(async () => {
  await Promise.all([dev?.stop(), withKeys?.stop()]);
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

/** The audits that did not pass, with why; MAY audits are allowed to fail (status "notice"). */
function failures(results: AuditResult[]) {
  return results.filter((result) => result.status === "warn" || result.status === "error").map((result) => ({ name: result.name, reason: "reason" in result ? result.reason : "" }));
}

describe("graphql-http's server audits", () => {
  it("pass every MUST and SHOULD in dev mode", async () => {
    const results = await auditServer({ url: dev.url });
    expect(results.length).toBeGreaterThan(40);
    expect(failures(results)).toEqual([]);
  });

  it("pass every MUST, SHOULD and MAY with an API key, GET requests included", async () => {
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), ...bearer(key) } });
    const results = await auditServer({ url: withKeys.url, fetchFn });
    expect(results.filter((result) => result.status !== "ok").map((result) => ({ name: result.name, reason: "reason" in result ? result.reason : "" }))).toEqual([]);
  });
});

describe("status codes of a request that cannot run", () => {
  const ask = (accept: string, body: unknown) => fetch(dev.url, { method: "POST", headers: { "content-type": "application/json", accept }, body: JSON.stringify(body) });

  it("are 200 when the answer is application/json, and 400 when it is application/graphql-response+json", async () => {
    const requests = [{ query: "{" }, { query: "{ nope }" }, { query: "query($n: Int!) { search(text: \"a\", first: $n) { score } }", variables: { n: "many" } }];
    for (const body of requests) {
      const plain = await ask("application/json", body);
      const modern = await ask("application/graphql-response+json", body);
      expect([plain.status, plain.headers.get("content-type"), modern.status, modern.headers.get("content-type")])
        .toEqual([200, "application/json; charset=utf-8", 400, "application/graphql-response+json; charset=utf-8"]);
      expect((await plain.json()).errors[0].extensions.code).toMatch(/^(GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
    }
  });

  it("stay 400 for the server's own limits, whatever the client accepts", async () => {
    const tooMany = await ask("application/json", { query: "{ people(first: 100000) { totalCount } }" });
    expect([tooMany.status, (await tooMany.json()).errors[0].extensions.code]).toEqual([400, "BAD_USER_INPUT"]);
  });
});

describe("what clients send by default", () => {
  const searchQuery = `query Find($text: String!) { search(text: $text) { node { __typename ... on Person { name } ... on Company { name } ... on Topic { name } } } }`;

  it("a selection of name on each member of the search union validates and answers", async () => {
    const answer = await (await fetch(dev.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: searchQuery, variables: { text: "a" } }) })).json();
    expect(answer.errors).toBeUndefined();
    const kinds = new Set(answer.data.search.map((hit: { node: { __typename: string; name: string | null } }) => hit.node.__typename));
    expect(kinds.size).toBeGreaterThan(1);
    for (const hit of answer.data.search) expect(typeof hit.node.name).toBe("string");
  });

  it("a GET query without a preflight header is served when a bearer token is required, and refused in dev mode", async () => {
    const search = `?query=${encodeURIComponent(searchQuery)}&variables=${encodeURIComponent(JSON.stringify({ text: "a" }))}`;
    const keyed = await fetch(withKeys.url + search, { headers: bearer(key) });
    expect(keyed.status).toBe(200);
    expect((await keyed.json()).data.search.length).toBeGreaterThan(0);
    const unsigned = await fetch(withKeys.url + search);
    expect([unsigned.status, (await unsigned.json()).errors[0].extensions.code]).toEqual([401, "UNAUTHENTICATED"]);
    // In dev mode the browser "holds" the credential (none is needed): a simple cross-site GET must not run.
    const devGet = await fetch(dev.url + search);
    expect([devGet.status, (await devGet.json()).errors[0].message]).toEqual([400, expect.stringMatching(/CSRF/)]);
  });

  it("an automatic persisted query whose hash does not match its query is a client error with a code", async () => {
    const query = "{ __typename }";
    const send = (persistedQuery: unknown) => fetch(dev.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, extensions: { persistedQuery } }) });
    const right = await send({ version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") });
    expect(await right.json()).toEqual({ data: { __typename: "Query" } });
    const wrong = await send({ version: 1, sha256Hash: "0".repeat(64) });
    expect([wrong.status, (await wrong.json()).errors[0].extensions.code]).toEqual([400, "PERSISTED_QUERY_HASH_MISMATCH"]);
    const version = await send({ version: 2, sha256Hash: "0".repeat(64) });
    expect([version.status, (await version.json()).errors[0].extensions.code]).toEqual([400, "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"]);
  });
});
