/**
 * Behaviour under load, through HTTP: a steady mix of questions and writes
 * from several clients at once gets no error at all; a flood of
 * whole-workspace lists against a server with little room (two statements at a
 * time, four waiting) is answered or refused at once with 503 and Retry-After,
 * never left hanging, while /health, /ready and /metrics answer during it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { gql, post, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("load");
const driver = testDriver();
let steady: TestServer;
let cramped: TestServer;

beforeAll(async () => {
  expect((await importGraphDocument(testDb(driver), smallGraph(), { workspace })).ok).toBe(true);
  steady = await startTestServer(workspace);
  cramped = await startTestServer(workspace, testTarget(), { RAPPORT_MAX_ACTIVE_QUERIES: "2", RAPPORT_MAX_QUEUED_QUERIES: "4", RAPPORT_QUEUE_TIMEOUT_MS: "1000" });
  // Each question once, one at a time, before anything is counted: a fresh Neo4j plans a statement on first
  // sight, and on a busy machine eight clients waiting for the same first plan can outlast the transaction timeout.
  for (const query of QUESTIONS) await gql(steady.url, query);
});

afterAll(async () => {
  await steady.stop();
  await cramped.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

const PROSPECTS = '{ prospects(where: { interestedIn: { topics: ["CRM"] } }, first: 5) { totalCount edges { score node { name } reasons { summary } } } }';
const QUESTIONS = [
  '{ person(email: "chuck@northwind.io") { name company { name } interests { topic { name } } } }',
  PROSPECTS,
  '{ people(where: { worksAt: { domains: ["northwind.io"] } }) { totalCount edges { node { email } } } }',
  '{ search(text: "north") { __typename } }',
];
const UPSERT = "mutation($input: PersonInput!) { upsertPerson(input: $input) { email } }";

describe("under load", () => {
  it("answers a steady mix of questions and writes from 8 clients without a single error", async () => {
    const clients = Array.from({ length: 8 }, async (_, client) => {
      const answers = [];
      for (let i = 0; i < 6; i += 1) {
        answers.push(i % 2 === 1
          ? await post(steady.url, { query: UPSERT, variables: { input: { email: `load-${client}-${i}@example.com`, name: `Load ${client} ${i}` } } })
          : await post(steady.url, { query: QUESTIONS[(client + i) % QUESTIONS.length] }));
      }
      return answers;
    });
    const answers = (await Promise.all(clients)).flat();
    expect(answers).toHaveLength(48);
    expect(answers.filter((answer) => answer.status !== 200 || "errors" in answer.body)).toEqual([]);
    const loadPeople = await gql(steady.url, '{ search(text: "Load", first: 50) { __typename } }');
    expect(loadPeople.data!.search).toHaveLength(24);
  });

  it("answers or sheds a flood of whole-workspace lists at once, and keeps /health, /ready and /metrics answering during it", async () => {
    const started = performance.now();
    const flood = Array.from({ length: 48 }, async () => {
      const answer = await post(cramped.url, { query: PROSPECTS });
      return { ...answer, at: performance.now() - started };
    });
    const probes = ["/health", "/ready", "/metrics"].map(async (path) => {
      const response = await fetch(`${cramped.origin}${path}`);
      await response.text();
      return { path, status: response.status, at: performance.now() - started };
    });
    const [answers, probed] = await Promise.all([Promise.all(flood), Promise.all(probes)]);

    const refused = answers.filter((answer) => answer.status === 503);
    const served = answers.filter((answer) => answer.status === 200);
    expect(served.length + refused.length).toBe(48);
    expect(served.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of served) expect(answer.body).toMatchObject({ data: { prospects: { totalCount: expect.any(Number) } } });
    for (const answer of refused) {
      expect(answer.headers.get("retry-after")).toBe("1");
      expect(answer.body).toMatchObject({ errors: [{ extensions: { code: "SERVICE_UNAVAILABLE", retryAfter: 1 } }] });
    }
    // Never behind the queries: each probe is answered before the flood's last answer.
    const lastAnswer = Math.max(...answers.map((answer) => answer.at));
    for (const probe of probed) {
      expect(probe.status, probe.path).toBe(200);
      expect(probe.at, probe.path).toBeLessThan(lastAnswer);
    }
    // An operator sees the shedding and its reason; once the flood is over, nothing runs or waits.
    const metrics = await (await fetch(`${cramped.origin}/metrics`)).text();
    const sample = (series: string) => Number(metrics.split("\n").find((line) => line.startsWith(`${series} `))?.split(" ")[1]);
    const refusals = sample('rapport_admission_refusals_total{reason="queue_full"}') + sample('rapport_admission_refusals_total{reason="waited"}');
    expect(refusals).toBeGreaterThanOrEqual(refused.length);
    expect([sample('rapport_admission_statements{state="active"}'), sample('rapport_admission_statements{state="queued"}')]).toEqual([0, 0]);
  });
});
