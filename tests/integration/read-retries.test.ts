/**
 * Reads run as auto-commit transactions (src/db/run.ts) yet keep the retries
 * a managed transaction would give them: through a proxy that a test cuts and
 * restores, a read that meets Neo4j gone runs again on the driver's schedule
 * (the first retry after 0.8–1.2 s) and succeeds once Neo4j is back; it gives
 * up with SERVICE_UNAVAILABLE when the retry budget is spent; and an error
 * that a retry cannot mend fails at once.
 */
import type { Driver } from "neo4j-driver";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CypherCatalogue } from "../../src/db/cypher.js";
import { createDriver } from "../../src/db/driver.js";
import { Db } from "../../src/db/run.js";
import { testTarget } from "../support/db.js";
import { TcpProxy } from "../support/tcp-proxy.js";

const PROBE = { name: "probe", text: "RETURN 1 AS one", params: {}, columns: ["one"] };
let proxy: TcpProxy;
let driver: Driver;

beforeAll(async () => {
  const upstream = new URL(testTarget().uri.replace(/^[a-z+]+:/, "http:"));
  proxy = await TcpProxy.start({ host: upstream.hostname, port: Number(upstream.port || 7687) });
  driver = createDriver({ ...testTarget(), uri: `bolt://127.0.0.1:${proxy.port}` }, { connectTimeoutMs: 1_000, maxRetryMs: 500 });
});

afterEach(async () => {
  await proxy.cut();
  await proxy.restore();
});

afterAll(async () => {
  await driver.close();
  await proxy.cut();
});

const dbRetryingFor = (maxRetryMs: number) => new Db(driver, CypherCatalogue.load(), { database: testTarget().database, txTimeoutMs: 10_000, maxRetryMs });

describe("a read while Neo4j is away", () => {
  it("runs again when Neo4j is back within the retry budget", async () => {
    const db = dbRetryingFor(5_000);
    expect(await db.read(PROBE)).toEqual([{ one: 1 }]);
    await proxy.cut();
    const started = Date.now();
    const reading = db.read(PROBE);
    setTimeout(() => void proxy.restore(), 300);
    expect(await reading).toEqual([{ one: 1 }]);
    // The first attempt failed while the proxy was cut; the answer came from a retry.
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
  });

  it("gives up with SERVICE_UNAVAILABLE once the budget is spent", async () => {
    const db = dbRetryingFor(1_000);
    await proxy.cut();
    const started = Date.now();
    await expect(db.read(PROBE)).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    // Retried (0.8 s or more), and not for long: the next delay (1.6–2.4 s) starts past the 1 s budget and is the last.
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it("does not retry an error a retry cannot mend", async () => {
    const db = dbRetryingFor(5_000);
    const started = Date.now();
    await expect(db.read({ ...PROBE, text: "RETURN 1 / 0 AS one" })).rejects.toMatchObject({ code: "Neo.ClientError.Statement.ArithmeticError" });
    expect(Date.now() - started).toBeLessThan(800);
  });
});
