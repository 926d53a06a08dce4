/**
 * Promises over HTTP against a real Neo4j: makePromise to a person, a company
 * or both, read back through Person.promises, Company.promises and
 * Query.promises (filtered by status, due date and overdue, soonest due
 * first); setPromiseStatus settles an OPEN promise once and refuses any other;
 * twenty identical makePromise requests at once make one promise.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { DEMO_USER_EMAIL } from "../../seed/demo-story.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { fingerprint } from "../support/fingerprint.js";
import { gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("mutations-promises");
const driver = testDriver();
let server: TestServer;
let erin: string;
let contoso: string;

beforeAll(async () => {
  const graph = smallGraph();
  graph.people.push({ email: DEMO_USER_EMAIL, name: "Maya Chen", title: "Rep" });
  expect((await importGraphDocument(testDb(driver), graph, { workspace })).ok).toBe(true);
  server = await startTestServer(workspace);
  const first = async (query: string) => (await driver.executeQuery(query, { workspace })).records[0]!.get(0) as string;
  erin = await first("MATCH (p:Person {workspace: $workspace, email: 'erin@contoso.example'}) RETURN p.id");
  contoso = await first("MATCH (c:Company {workspace: $workspace, domain: 'contoso.example'}) RETURN c.id");
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

const send = (query: string, variables: Record<string, unknown> = {}) => gql(server.url, query, variables);
const PROMISE = "id text status madeAt dueAt recordedBy { email } recordedAt statusChangedAt statusChangedBy { email } statusNote";
const MAKE = `mutation($person: ID, $company: ID, $text: String!, $dueAt: DateTime) {
  makePromise(person: $person, company: $company, text: $text, dueAt: $dueAt) { ${PROMISE} } }`;
const SETTLE = `mutation($id: ID!, $status: PromiseStatus!, $at: DateTime, $note: String) {
  setPromiseStatus(id: $id, status: $status, at: $at, note: $note) { ${PROMISE} } }`;

describe("promises", () => {
  let overdue: string;
  let later: string;

  it("makePromise promises to a person and a company, OPEN and made now, readable from both", async () => {
    const made = await send(MAKE, { person: erin, company: contoso, text: "Send the pricing sheet", dueAt: "2026-01-15T00:00:00Z" });
    expect(made.errors).toBeUndefined();
    overdue = made.data!.makePromise.id;
    expect(made.data!.makePromise).toMatchObject({ text: "Send the pricing sheet", status: "OPEN", dueAt: "2026-01-15T00:00:00.000Z", recordedBy: { email: DEMO_USER_EMAIL } });
    expect(Date.now() - Date.parse(made.data!.makePromise.madeAt)).toBeLessThan(60_000);
    later = (await send(MAKE, { company: contoso, text: "Quarterly review deck", dueAt: "2999-06-01T00:00:00Z" })).data!.makePromise.id;
    const read = await send(`query($p: ID, $c: ID) { person(id: $p) { promises { id } } company(id: $c) { promises(status: OPEN) { id } } }`, { p: erin, c: contoso });
    expect(read.data).toEqual({ person: { promises: [{ id: overdue }] }, company: { promises: [{ id: overdue }, { id: later }] } });
  });

  it("makePromise again with the same text makes no second promise, and may set the due date", async () => {
    const again = await send(MAKE, { person: erin, company: contoso, text: "Send the pricing sheet", dueAt: "2026-01-20T00:00:00Z" });
    expect(again.data!.makePromise).toMatchObject({ id: overdue, dueAt: "2026-01-20T00:00:00.000Z" });
  });

  it("Query.promises filters by status, due date and overdue, soonest due first", async () => {
    const list = async (args: string) => ((await send(`{ promises${args} { id } }`)).data!.promises as { id: string }[]).map((p) => p.id);
    const all = await list("(first: 100)");
    expect(all.indexOf(overdue)).toBeLessThan(all.indexOf(later));
    expect(await list("(overdue: true)")).toContain(overdue);
    expect(await list("(overdue: true)")).not.toContain(later);
    expect(await list("(overdue: false, status: OPEN)")).toContain(later);
    expect(await list(`(dueBefore: "2026-02-01T00:00:00Z", first: 100)`)).toContain(overdue);
    expect(await list(`(dueBefore: "2026-02-01T00:00:00Z", first: 100)`)).not.toContain(later);
    expect((await send(`{ promises(first: 1000) { id } }`)).errors?.map((e) => e.extensions.code)).toEqual(["BAD_USER_INPUT"]);
  });

  it("setPromiseStatus settles an OPEN promise once, with when, who and a note", async () => {
    const kept = await send(SETTLE, { id: overdue, status: "KEPT", at: "2026-01-18T09:00:00Z", note: "Sent by email" });
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.setPromiseStatus).toMatchObject({
      status: "KEPT", statusChangedAt: "2026-01-18T09:00:00.000Z", statusChangedBy: { email: DEMO_USER_EMAIL }, statusNote: "Sent by email",
    });
    const before = await fingerprint(driver, workspace);
    const again = await send(SETTLE, { id: overdue, status: "BROKEN" });
    expect(again.errors?.map((e) => [e.extensions.code, e.extensions.path])).toEqual([["BAD_USER_INPUT", ["status"]]]);
    expect(await fingerprint(driver, workspace)).toBe(before);
    const read = await send(`{ promises(status: KEPT, first: 100) { id } }`);
    expect(read.data!.promises).toContainEqual({ id: overdue });
  });

  it("refuses bad input with its path, and unknown ids, writing nothing", async () => {
    const before = await fingerprint(driver, workspace);
    const cases: [string, Record<string, unknown>, string, unknown[] | undefined][] = [
      [MAKE, { text: "To nobody" }, "BAD_USER_INPUT", ["person"]],
      [MAKE, { person: erin, text: "  " }, "BAD_USER_INPUT", ["text"]],
      [MAKE, { person: "no-such-id", text: "x" }, "NOT_FOUND", undefined],
      [MAKE, { company: "no-such-id", text: "x" }, "NOT_FOUND", undefined],
      [SETTLE, { id: later, status: "OPEN" }, "BAD_USER_INPUT", ["status"]],
      [SETTLE, { id: later, status: "KEPT", at: "2999-01-01T00:00:00Z" }, "BAD_USER_INPUT", ["at"]],
      [SETTLE, { id: "no-such-id", status: "KEPT" }, "NOT_FOUND", undefined],
    ];
    for (const [query, variables, code, path] of cases) {
      const { errors } = await send(query, variables);
      expect(errors?.map((e) => [e.extensions.code, e.extensions.path]), JSON.stringify(variables)).toEqual([[code, path]]);
    }
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("twenty identical makePromise requests at once make one promise; twenty settlements settle it once", async () => {
    const made = await Promise.all(Array.from({ length: 20 }, () => send(MAKE, { person: erin, text: "Parallel promise" })));
    expect(made.flatMap((r) => r.errors ?? [])).toEqual([]);
    const result = await driver.executeQuery("MATCH (pr:Promise {workspace: $workspace, text: 'Parallel promise'}) RETURN count(pr) AS n, collect(pr.id)[0] AS id", { workspace });
    expect(Number(result.records[0]!.get("n"))).toBe(1);
    const settled = await Promise.all(Array.from({ length: 20 }, () => send(SETTLE, { id: result.records[0]!.get("id"), status: "BROKEN" })));
    expect(settled.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(settled.flatMap((r) => r.errors ?? []).map((e) => e.extensions.code)).toEqual(Array(19).fill("BAD_USER_INPUT"));
  });
});
