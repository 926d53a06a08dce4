/**
 * What a Db does at its limits, against the real Neo4j: a driver whose pool
 * has run dry says SERVICE_UNAVAILABLE (not an internal error); a serving Db
 * gates its sessions through admission control; and a request's statements
 * share one budget of database time, after which the next is refused before
 * it runs.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Admission } from "../../src/db/admission.js";
import { CypherCatalogue } from "../../src/db/cypher.js";
import { createDriver } from "../../src/db/driver.js";
import { Db } from "../../src/db/run.js";
import { testTarget } from "../support/db.js";

const PROBE = { name: "probe", text: "RETURN 1 AS one", params: {}, columns: ["one"] };
/** A statement that keeps Neo4j busy for about `ms` (counting through a range nobody reads). */
const BUSY = (ms: number) => ({ name: "busy", text: "UNWIND range(1, $n) AS i WITH i WHERE i = -1 RETURN count(*) AS one", params: { n: ms * 20_000 }, columns: ["one"] });
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

  it("gives a request's statements one budget, counted from the first, and refuses the next once it is spent", async () => {
    const request = dbOf().serving(new Admission({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 1_000 }), 300).forRequest("budget");
    const slow = await request.read(BUSY(400)).then(() => undefined, (reason: unknown) => reason);
    expect(slow).toMatchObject({ extensions: { code: "QUERY_TIMEOUT" } });
    const next = await request.read(PROBE).then(() => undefined, (reason: unknown) => reason);
    expect(next).toMatchObject({ message: expect.stringMatching(/used its 300 ms of database time/), extensions: { code: "QUERY_TIMEOUT" } });
  });
});
