/**
 * What a Db does at its limits, against the real Neo4j: a driver whose pool
 * has run dry says SERVICE_UNAVAILABLE (not an internal error); a serving Db
 * gates its sessions through admission control; and a request's statements
 * share one budget of database time: a statement is cut short where it ends,
 * and the next is refused before it runs; a request's statements sent side
 * by side queue in order, and only one that has held a slot goes first.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Admission } from "../../src/db/admission.js";
import { CypherCatalogue } from "../../src/db/cypher.js";
import { createDriver } from "../../src/db/driver.js";
import { Db } from "../../src/db/run.js";
import { testTarget } from "../support/db.js";

const PROBE = { name: "probe", text: "RETURN 1 AS one", params: {}, columns: ["one"] };
/** A statement that would keep Neo4j busy for minutes: ten billion rows, streamed, none kept. */
const ENDLESS = { name: "endless", text: "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a WHERE a = -1 RETURN count(*) AS one", params: {}, columns: ["one"] };
let driver: Driver;
let catalogue: CypherCatalogue;

beforeAll(() => {
  // One connection, given up on after 2 × 150 ms.
  driver = createDriver(testTarget(), { connectTimeoutMs: 150, maxRetryMs: 0, maxPoolSize: 1 });
  catalogue = CypherCatalogue.load();
});

afterAll(async () => {
  await driver.close();
});

const dbOf = (settings: { txTimeoutMs?: number } = {}) => new Db(driver, catalogue, { database: testTarget().database, txTimeoutMs: settings.txTimeoutMs ?? 10_000, maxRetryMs: 0 });

describe("at the database's limits", () => {
  it("reports a pool that has run dry as SERVICE_UNAVAILABLE", async () => {
    const holder = driver.session({ database: testTarget().database });
    const tx = await holder.beginTransaction();
    try {
      await tx.run("RETURN 1");
      const error = await dbOf().read(PROBE).then(() => undefined, (reason: unknown) => reason);
      expect(error).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE", retryAfter: 1 } });
    } finally {
      await tx.rollback();
      await holder.close();
    }
  });

  it("queues a serving Db's statements for the pool's one connection instead of failing them", async () => {
    const db = dbOf().serving(new Admission({ maxActive: 1, maxQueued: 10, queueTimeoutMs: 5_000 }), 10_000);
    const rows = await Promise.all(Array.from({ length: 6 }, () => db.read(PROBE)));
    expect(rows).toEqual(Array.from({ length: 6 }, () => [{ one: 1 }]));
  });

  it("cuts a request's statement short at the end of its budget of database time, counted from its first statement", async () => {
    const request = dbOf().serving(new Admission({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 1_000 }), 1_000).forRequest("budget");
    await request.read(PROBE);
    const started = performance.now();
    const endless = await request.read(ENDLESS).then(() => undefined, (reason: unknown) => reason);
    expect(endless).toMatchObject({ extensions: { code: "QUERY_TIMEOUT" } });
    // Not the transaction timeout of 10 s: what was left of the request's second.
    expect(performance.now() - started).toBeLessThan(8_000);
  });

  it("refuses a request's statement before it runs once the budget is spent", async () => {
    const request = dbOf().serving(new Admission({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 1_000 }), 300).forRequest("budget");
    await request.read(PROBE);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const next = await request.read(PROBE).then(() => undefined, (reason: unknown) => reason);
    expect(next).toMatchObject({ message: expect.stringMatching(/used its 300 ms of database time/), extensions: { code: "QUERY_TIMEOUT" } });
  });

  it("admits the statements a request sends side by side in their order, none ahead of its first", async () => {
    const admission = new Admission({ maxActive: 1, maxQueued: 2, queueTimeoutMs: 5_000 });
    const held = await admission.acquire();
    const request = dbOf().serving(admission, 10_000).forRequest("side-by-side");
    const answered: string[] = [];
    const first = request.read(PROBE).then(() => answered.push("first"));
    const second = request.read(PROBE).then(() => answered.push("second"));
    expect(admission.state).toMatchObject({ active: 1, queued: 2 });
    held();
    await Promise.all([first, second]);
    expect(answered).toEqual(["first", "second"]);
    // Once one has held a slot, the request's next statement goes ahead of a full queue.
    const other = await admission.acquire();
    const waiting = [admission.acquire().then((release) => release()), admission.acquire().then((release) => release())];
    const next = request.read(PROBE);
    expect(admission.state).toMatchObject({ active: 1, queued: 3 });
    other();
    await next;
    await Promise.all(waiting);
  });

});
