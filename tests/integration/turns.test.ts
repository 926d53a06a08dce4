/**
 * Scheduled work shared by instances (src/db/turns.ts): of several instances
 * asking for the same turn at once, exactly one gets it; nobody gets it again
 * before the gap has passed; after it, one instance does.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { claimTurn } from "../../src/db/turns.js";
import { testDb, testDriver } from "../support/db.js";

const driver = testDriver();
const [hourly, quick] = [`probe ${randomUUID()}`, `probe ${randomUUID()}`];

afterAll(async () => {
  await driver.executeQuery("MATCH (s:Schedule) WHERE s.name IN $names DELETE s", { names: [hourly, quick] });
  await driver.close();
});

describe("claimTurn", () => {
  it("grants each turn to one of the instances asking at once, and the next only after the gap", async () => {
    // Each instance has a driver of its own, as separate processes would.
    const drivers = [testDriver(), testDriver(), testDriver(), testDriver()];
    try {
      const instances = drivers.map((d) => testDb(d));
      const all = (schedule: string, intervalMs: number) => Promise.all(instances.map((db) => claimTurn(db, schedule, intervalMs)));
      expect((await all(hourly, 3_600_000)).filter(Boolean)).toHaveLength(1);
      expect((await all(hourly, 3_600_000)).filter(Boolean)).toHaveLength(0);

      expect((await all(quick, 300)).filter(Boolean)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await all(quick, 300)).filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(drivers.map((d) => d.close()));
    }
  });
});
