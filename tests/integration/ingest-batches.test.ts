/**
 * Ingestion across many small batches, two in flight at once (src/ingest/ingest.ts):
 * a contact is created once however many batches meet them, a later header
 * names someone first seen without a name, a name once given is kept, and
 * reading the same messages again changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { ingest } from "../../src/ingest/ingest.js";
import type { Address, MailMessage } from "../../src/ingest/records.js";
import { fingerprint } from "../support/fingerprint.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const workspace = uniqueWorkspace("ingest-batches");
const driver = testDriver();
const db = testDb(driver);
const rep: Address = { email: "rep@ourco.example", name: "Riley Rep" };

function message(n: number, to: Address): MailMessage {
  return {
    kind: "message", position: { source: "test", index: n, id: `m${n}@ourco.example` }, key: `m${n}@ourco.example`,
    at: new Date(Date.UTC(2026, 10, 1 + n)), from: rep, to: [to], cc: [], bcc: [], automated: null,
  };
}

/** Zed is met unnamed, then named; Yan named, then unnamed; each in batches of one. */
const MESSAGES = [
  message(1, { email: "zed@globex.example", name: null }),
  message(2, { email: "yan@globex.example", name: "Yan Young" }),
  message(3, { email: "zed@globex.example", name: null }),
  message(4, { email: "zed@globex.example", name: "Zed Zimmer" }),
  message(5, { email: "yan@globex.example", name: null }),
  message(6, { email: "zed@globex.example", name: "Z. Zimmer" }),
];

async function* items() {
  yield* MESSAGES;
}

const run = () => ingest(db, items(), { workspace, user: rep.email, batchSize: 1, concurrency: 2, halfLifeDays: 90 });

beforeAll(async () => {
  expect((await importGraphDocument(db, { version: 1, people: [{ email: rep.email, name: rep.name! }], users: [{ email: rep.email }] }, { workspace })).ok).toBe(true);
});

afterAll(async () => {
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

describe("ingesting in many batches", () => {
  it("creates each contact once, names them from the first header that does, and keeps that name", async () => {
    const summary = await run();
    expect(summary).toMatchObject({ read: 6, interactions: 6, recorded: 6, peopleCreated: 2, companiesCreated: 1, pairs: 2 });
    const { records } = await driver.executeQuery(
      "MATCH (p:Person {workspace: $workspace}) WHERE p.email ENDS WITH '@globex.example' RETURN p.email AS email, p.name AS name ORDER BY email",
      { workspace },
    );
    expect(records.map((r) => [r.get("email"), r.get("name")])).toEqual([["yan@globex.example", "Yan Young"], ["zed@globex.example", "Zed Zimmer"]]);
  });

  it("changes nothing when the same messages are read again", async () => {
    const before = await fingerprint(driver, workspace);
    expect(await run()).toMatchObject({ recorded: 0, alreadyKnown: 6, peopleCreated: 0 });
    expect(await fingerprint(driver, workspace)).toBe(before);
  });
});
