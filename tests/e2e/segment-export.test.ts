/**
 * Segment and snapshot exports on the demo story: the CSV parses (with a real
 * CSV parser) to exactly the rows of the JSON variant, in the ranking of the
 * live list; a snapshot exports its frozen members; only EDITORs and above
 * may export, and what does not exist is a 404.
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { loadDemoIfEmpty } from "../../src/graph-document/demo.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("segment-export");
const driver = testDriver();
let server: TestServer;
let reader: Record<string, string>;
let segmentId: string;

beforeAll(async () => {
  expect(await loadDemoIfEmpty(testDb(driver), workspace)).toMatchObject({ loaded: true });
  server = await startTestServer(workspace);
  reader = bearer((await createApiKey(testDb(driver), { workspace, email: "maya.chen@ourco.example", role: "READER" })).key);
  const { data, errors } = await gql(server.url, `mutation { saveSegment(input: {
    name: "Churn talk, two hops", people: { connectedTo: { maxHops: 2 }, expressedConcern: { topics: ["Churn"], withinDays: 365 } }
  }) { id } }`);
  expect(errors).toBeUndefined();
  segmentId = data!.saveSegment.id;
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}${path}`, { headers });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

/**
 * Evidence decays by the millisecond and each request scores at its own
 * instant, so two requests may round the same person's score apart in the
 * sixth decimal.
 */
function expectSameScores(actual: unknown[], expected: unknown[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((score, at) => expect(Number(score)).toBeCloseTo(Number(expected[at]), 5));
}

const withoutScore = ({ score: _score, ...rest }: Record<string, unknown>) => rest;

describe("exports", () => {
  it("exports a segment as CSV that parses to the JSON variant's rows, ranked like its members", async () => {
    const csv = await download(`/segments/${segmentId}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const parsed = parse(csv.text, { columns: true }) as Record<string, string>[];
    const json = await download(`/segments/${segmentId}/export.csv`, { accept: "application/json" });
    expect(json.type).toMatch(/^application\/json/);
    const rows = JSON.parse(json.text) as Record<string, string | number | null>[];
    const asText = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, value == null ? "" : String(value)])));
    expect(parsed.map(withoutScore)).toEqual(asText.map(withoutScore));
    expectSameScores(parsed.map((row) => row.score), rows.map((row) => row.score));
    expect(Object.keys(parsed[0]!)).toEqual(["email", "name", "title", "company", "domain", "score", "why"]);
    // Quoting is exercised: the reasons quote what people said, with commas and quotation marks.
    expect(parsed.some((row) => /[,"]/.test(row.why!))).toBe(true);

    const { data } = await gql(server.url, `query($id: ID!) { segment(id: $id) { members(first: 100) { totalCount edges { score node { email } } } } }`, { id: segmentId });
    expect(data!.segment.members.totalCount).toBeGreaterThan(5);
    expect(rows.map((row) => row.email)).toEqual(data!.segment.members.edges.map((edge: any) => edge.node.email));
    expectSameScores(rows.map((row) => row.score), data!.segment.members.edges.map((edge: any) => edge.score));
    const priya = rows.find((row) => row.email === "priya.raman@lumorahealth.example")!;
    expect(priya).toMatchObject({ name: "Priya Raman", company: "Lumora Health", domain: "lumorahealth.example" });
    expect(String(priya.why)).toContain("Churn");
  });

  it("exports a snapshot's frozen members", async () => {
    const { data } = await gql(server.url, `mutation($id: ID!) { snapshotSegment(id: $id) { id count } }`, { id: segmentId });
    const snapshot = data!.snapshotSegment;
    const csv = await download(`/snapshots/${snapshot.id}/export.csv`);
    const parsed = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(snapshot.count);
    expect(Object.keys(parsed[0]!)).toEqual(["email", "name", "title", "company", "domain"]);
    expect(parsed.map((row) => row.email)).toContain("priya.raman@lumorahealth.example");
  });

  it("exports a trigger list: the companies, with the best-connected contact at each", async () => {
    const { data, errors } = await gql(server.url, `mutation { saveSegment(input: {
      name: "Series B in 60 days", companies: { hadEvent: { types: [FUNDING], fundingStages: [SERIES_B], withinDays: 60 } }
    }) { id } }`);
    expect(errors).toBeUndefined();
    const csv = await download(`/segments/${data!.saveSegment.id}/export.csv`);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.name)).toEqual(["Kestrel Analytics", "Lumora Health", "Sunmesa Telehealth"]);
    expect(Object.keys(rows[0]!)).toEqual(["domain", "name", "industry", "contactEmail", "contactName", "contactTitle", "connection"]);
    // The contact is the employee with the strongest path of at most two connections from the viewer.
    const lumora = rows.find((row) => row.name === "Lumora Health")!;
    const { data: people } = await gql(server.url, `{ company(domain: "lumorahealth.example") { employees { email connectionToViewer(maxHops: 2) { score } } } }`);
    const best = people!.company.employees
      .filter((employee: any) => employee.connectionToViewer)
      .sort((a: any, b: any) => b.connectionToViewer.score - a.connectionToViewer.score || (a.email < b.email ? -1 : 1))[0];
    expect([lumora.contactEmail, Number(lumora.connection)]).toEqual([best.email, best.connectionToViewer.score]);
  });

  it("lets only EDITORs and above export, and answers 404 for what does not exist", async () => {
    const refused = await download(`/segments/${segmentId}/export.csv`, reader);
    expect([refused.status, JSON.parse(refused.text).error.code]).toEqual([403, "FORBIDDEN"]);
    expect((await download(`/segments/${segmentId}/export.csv`, bearer("rpk_unknown"))).status).toBe(401);
    const missing = await download("/segments/no-such-segment/export.csv");
    expect([missing.status, JSON.parse(missing.text).error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await download("/snapshots/no-such-snapshot/export.csv")).status).toBe(404);
  });
});
