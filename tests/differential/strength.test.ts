/**
 * The strength rule, differentially: random interaction histories between a
 * team and its contacts (several seeds; one-way, two-way, old, recent, some
 * pairs with a floor), imported as a graph document, give exactly the
 * connections the documented rule gives (tests/support/in-memory/strength.ts):
 * a connection where and only where the rule's strength is above 0, with the
 * rule's strength to 1e-6 (the rule is evaluated when the test reads, the
 * service when it imported: a few seconds of decay are below that).
 *
 * Then decay: decayStrengths as of a year later gives the rule's strength as
 * of that instant, and a recorded interaction weighs its pair again.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Random } from "../../seed/generator/random.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { decayStrengths } from "../../src/relationships/decay.js";
import { documentedStrength, type HistoryItem } from "../support/in-memory/strength.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const SEEDS = [1, 2, 3, 4];
const DAY_MS = 86_400_000;
const driver = testDriver();
const workspaces: string[] = [];

afterAll(async () => {
  for (const workspace of workspaces) await wipeWorkspace(driver, workspace);
  await driver.close();
});

interface PairHistory {
  user: string;
  person: string;
  history: HistoryItem[];
  floor: number | null;
}

function randomHistories(seed: number, now: Date): PairHistory[] {
  const random = new Random(seed, "strength-histories");
  const users = ["ana@team.example", "ben@team.example", "cy@team.example"];
  const pairs: PairHistory[] = [];
  for (let contact = 0; contact < 40; contact++) {
    const person = `contact${contact}@client${contact % 7}.example`;
    for (const user of users) {
      if (random.next() < 0.4) continue;
      // Some pairs write one way only, some meet, some both; ages from today to three years.
      const style = random.pick(["one-way", "both", "meetings", "mixed"] as const);
      const history: HistoryItem[] = [];
      for (let n = random.int(1, 12); n > 0; n--) {
        const at = new Date(now.getTime() - Math.floor(random.next() * 1100 * DAY_MS) - 60_000);
        const sentBy = style === "one-way" ? "user" : style === "meetings" ? null
          : style === "both" ? random.pick(["user", "person"] as const) : random.pick(["user", "person", null] as const);
        history.push({ at: new Date(Math.floor(at.getTime() / 1000) * 1000), sentBy });
      }
      pairs.push({ user, person, history, floor: random.next() < 0.15 ? Math.round(random.next() * 100) / 100 : null });
    }
  }
  return pairs;
}

function documentOf(pairs: PairHistory[]) {
  const emails = new Set(pairs.flatMap((p) => [p.user, p.person]));
  return {
    version: 1,
    people: [...emails].map((email) => ({ email })),
    users: [...new Set(pairs.map((p) => p.user))].map((email) => ({ email })),
    connections: pairs.filter((p) => p.floor !== null).map((p) => ({ a: p.user, b: p.person, strength: p.floor! })),
    interactions: pairs.flatMap((p) => p.history.map((item, index) => ({
      user: p.user, person: p.person, at: item.at.toISOString(),
      kind: item.sentBy === null ? "MEETING" : "EMAIL",
      ...(item.sentBy !== null && { direction: item.sentBy === "user" ? "SENT" : "RECEIVED" }),
      ref: `msg-${index}`,
    }))),
  };
}

async function storedStrengths(workspace: string): Promise<Map<string, number>> {
  const result = await driver.executeQuery(
    "MATCH (a:Person {workspace: $workspace})-[k:KNOWS]->(b) RETURN a.email AS a, b.email AS b, k.strength AS strength",
    { workspace },
  );
  return new Map(result.records.map((r) => [[r.get("a"), r.get("b")].sort().join(" "), r.get("strength") as number]));
}

describe.each(SEEDS)("random interaction histories, seed %i", (seed) => {
  it("give the connections and strengths the documented rule gives, now and a year later", async () => {
    const workspace = uniqueWorkspace(`strength-${seed}`);
    workspaces.push(workspace);
    const pairs = randomHistories(seed, new Date());
    const imported = await importGraphDocument(testDb(driver), documentOf(pairs), { workspace });
    expect(imported.ok).toBe(true);

    const expectAsOf = async (now: Date) => {
      const stored = await storedStrengths(workspace);
      const expected = new Map(pairs
        .map((p) => [[p.user, p.person].sort().join(" "), documentedStrength(p.history, p.floor, now)] as const)
        .filter(([, strength]) => strength > 0));
      expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [pair, strength] of expected) expect(stored.get(pair), pair).toBeCloseTo(strength, 6);
      return expected.size;
    };
    const connected = await expectAsOf(new Date());
    // The histories must exercise both outcomes, or the comparison proves little.
    expect(connected).toBeGreaterThan(10);
    expect(connected).toBeLessThan(pairs.length);

    const yearLater = new Date(Date.now() + 365 * DAY_MS);
    await decayStrengths(testDb(driver), 90, yearLater, workspace);
    await expectAsOf(yearLater);
  });
});
