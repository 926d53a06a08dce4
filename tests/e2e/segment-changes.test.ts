/**
 * Subscription.segmentChanges over graphql-ws: a client subscribed to a
 * company segment hears, within seconds, that a company joined when a Series
 * B is recorded there; a connection without a credential is refused; a query
 * over the socket is sent back to HTTP.
 */
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApiKey } from "../../src/auth/api-keys.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("segment-changes");
const driver = testDriver();
const db = testDb(driver);
let server: TestServer;
let key: string;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey", RAPPORT_SIGNALS_DEBOUNCE_MS: "100" });
  key = (await createApiKey(db, { workspace, email: "rep@ourco.example", role: "EDITOR" })).key;
  const imported = await importGraphDocument(db, {
    version: 1,
    companies: [{ domain: "northwind.io", name: "Northwind" }],
    people: [{ email: "rep@ourco.example", name: "Riley Rep" }, { email: "chuck@northwind.io", name: "Chuck", company: "northwind.io" }],
    connections: [{ a: "rep@ourco.example", b: "chuck@northwind.io", strength: 0.7 }],
    users: [{ email: "rep@ourco.example" }],
  }, { workspace });
  expect(imported.ok).toBe(true);
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

function connect(authorization?: string): Client {
  const client = createClient({ url: server.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams: authorization ? { authorization } : {} });
  clients.push(client);
  return client;
}

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const { data, errors } = await gql(server.url, query, variables, bearer(key));
  expect(errors).toBeUndefined();
  return data!;
}

describe("segmentChanges", () => {
  it("tells a subscriber that a company joined when a Series B is recorded where the owner knows someone", async () => {
    const { saveSegment } = await ok(`mutation($input: SegmentInput!) { saveSegment(input: $input) { id } }`, {
      input: { name: "Funded where I know someone", companies: { hadEvent: { types: ["FUNDING"], fundingStages: ["SERIES_B"], withinDays: 60 }, employs: { connectedTo: { maxHops: 1 } } } },
    });
    const iterator = connect(`Bearer ${key}`).iterate({
      query: `subscription($s: ID!) { segmentChanges(segment: $s) { id type segment { id name } company { name domain } person { email } reasons occurredAt } }`,
      variables: { s: saveSegment.id },
    });
    const first = iterator.next();
    // The subscription starts from who is in the segment; give it a moment to read that before the write.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const { company } = await ok(`{ company(domain: "northwind.io") { id } }`);
    await ok(`mutation($c: ID!, $at: DateTime!) { recordCompanyEvent(company: $c, type: FUNDING, stage: SERIES_B, at: $at) { id } }`, { c: company.id, at: new Date(Date.now() - 86_400_000).toISOString() });
    const { value } = await first;
    expect(value).toMatchObject({ data: { segmentChanges: { type: "segment.joined", segment: { id: saveSegment.id }, company: { name: "Northwind", domain: "northwind.io" }, person: null } } });
    await iterator.return?.();
  });

  it("refuses a connection without a credential, a segment not of the workspace, and a query over the socket", async () => {
    const anonymous = connect().iterate({ query: `subscription { segmentChanges(segment: "x") { id } }` });
    await expect(anonymous.next()).rejects.toMatchObject({ code: 4403 });
    const other = connect(`Bearer ${key}`).iterate({ query: `subscription { segmentChanges(segment: "a-segment-of-another-workspace") { id } }` });
    expect(await other.next()).toMatchObject({ value: { errors: [{ extensions: { code: "NOT_FOUND" } }] } });
    const query = connect(`Bearer ${key}`).iterate({ query: `{ segments { id } }` });
    await expect(query.next()).rejects.toEqual([expect.objectContaining({ message: expect.stringMatching(/only subscriptions/) })]);
  });
});
