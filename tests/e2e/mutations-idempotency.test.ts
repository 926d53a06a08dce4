/**
 * idempotencyKey against a real Neo4j: a repeat with the same key returns the
 * first result and writes nothing; the same key with another mutation or other
 * input is BAD_USER_INPUT; a mutation that failed leaves its key unused;
 * twenty concurrent requests with one key write once and all answer alike;
 * keys belong to a workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { fingerprint } from "../support/fingerprint.js";
import { gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("mutations-idempotency");
const other = uniqueWorkspace("mutations-idempotency-other");
const driver = testDriver();
let server: TestServer;
let otherServer: TestServer;
let dana: string;
let erin: string;

beforeAll(async () => {
  expect((await importGraphDocument(testDb(driver), smallGraph(), { workspace })).ok).toBe(true);
  expect((await importGraphDocument(testDb(driver), smallGraph(), { workspace: other })).ok).toBe(true);
  server = await startTestServer(workspace);
  otherServer = await startTestServer(other);
  const id = async (email: string) =>
    (await driver.executeQuery("MATCH (p:Person {workspace: $workspace, email: $email}) RETURN p.id", { workspace, email })).records[0]!.get(0) as string;
  dana = await id("dana@northwind.io");
  erin = await id("erin@contoso.example");
});

afterAll(async () => {
  await server.stop();
  await otherServer.stop();
  await wipeWorkspace(driver, workspace);
  await wipeWorkspace(driver, other);
  await driver.close();
});

const CONNECT = `mutation($a: ID!, $b: ID!, $strength: Float!, $key: String) {
  connectPeople(a: $a, b: $b, strength: $strength, idempotencyKey: $key) { strength recordedAt } }`;
const send = (query: string, variables: Record<string, unknown>) => gql(server.url, query, variables);

async function strength(): Promise<number> {
  const result = await driver.executeQuery("MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN k.strength", { a: dana, b: erin });
  return result.records[0]!.get(0) as number;
}

describe("idempotencyKey", () => {
  it("a repeat returns the first result and writes nothing, even after the fact changed", async () => {
    const first = await send(CONNECT, { a: dana, b: erin, strength: 0.5, key: "connect-1" });
    expect(first.errors).toBeUndefined();
    await send(CONNECT, { a: dana, b: erin, strength: 0.9 });
    const before = await fingerprint(driver, workspace);
    const replay = await send(CONNECT, { a: dana, b: erin, strength: 0.5, key: "connect-1" });
    expect(replay.data).toEqual(first.data);
    expect(await strength()).toBe(0.9);
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("the same key with other input or another mutation is BAD_USER_INPUT and writes nothing", async () => {
    const before = await fingerprint(driver, workspace);
    const otherInput = await send(CONNECT, { a: dana, b: erin, strength: 0.6, key: "connect-1" });
    const otherMutation = await send(`mutation { upsertCompany(idempotencyKey: "connect-1", input: { domain: "new.example" }) { id } }`, {});
    for (const { errors } of [otherInput, otherMutation]) {
      expect(errors?.map((e) => [e.extensions.code, e.extensions.path])).toEqual([["BAD_USER_INPUT", ["idempotencyKey"]]]);
    }
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("a key must be short printable ASCII", async () => {
    for (const key of ["", "x".repeat(201), "has space"]) {
      const { errors } = await send(CONNECT, { a: dana, b: erin, strength: 0.5, key });
      expect(errors?.map((e) => [e.extensions.code, e.extensions.path]), key).toEqual([["BAD_USER_INPUT", ["idempotencyKey"]]]);
    }
  });

  it("a failed mutation leaves its key unused", async () => {
    const failed = await send(CONNECT, { a: dana, b: "no-such-id", strength: 0.5, key: "retry-me" });
    expect(failed.errors?.map((e) => e.extensions.code)).toEqual(["NOT_FOUND"]);
    const fixed = await send(`mutation { upsertCompany(idempotencyKey: "retry-me", input: { domain: "retried.example" }) { domain } }`, {});
    expect(fixed.data).toEqual({ upsertCompany: { domain: "retried.example" } });
  });

  it("twenty concurrent requests with one key write once and all get the same answer", async () => {
    const mutation = `mutation($p: ID!) { makePromise(person: $p, text: "Concurrent", idempotencyKey: "promise-1") { id madeAt recordedAt } }`;
    const responses = await Promise.all(Array.from({ length: 20 }, () => send(mutation, { p: dana })));
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(responses.map((r) => JSON.stringify(r.data))).size).toBe(1);
    const stored = await driver.executeQuery("MATCH (r:IdempotentResult {workspace: $workspace, key: 'promise-1'}) RETURN count(r)", { workspace });
    expect(Number(stored.records[0]!.get(0))).toBe(1);
  });

  it("keys belong to a workspace: another workspace's same key is a new request", async () => {
    const mine = await send(`mutation { upsertCompany(idempotencyKey: "shared-key", input: { domain: "mine.example" }) { id } }`, {});
    const theirs = await gql(otherServer.url, `mutation { upsertCompany(idempotencyKey: "shared-key", input: { domain: "mine.example" }) { id } }`);
    expect(mine.errors).toBeUndefined();
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.upsertCompany.id).not.toBe(mine.data!.upsertCompany.id);
  });
});
