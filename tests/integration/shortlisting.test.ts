/**
 * Whether a statement expanding connectedTo writes its shortlist steps is
 * chosen from the estimated paths of the expansion (src/filters/start-choice.ts):
 * fewer than shortlistFrom, and the scope says fewReached. On a hand-made
 * graph whose counts are known: the anchor has three connections, each of
 * them two more of their own, so one hop is 3 paths and two hops 9 (each
 * neighbour's degree of 3, the way back to the anchor included).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StartChoice } from "../../src/filters/start-choice.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const workspace = uniqueWorkspace("shortlisting");
const driver = testDriver();
const db = testDb(driver);
const anchor = "anchor@shortlisting.example";
const middles = ["m1", "m2", "m3"].map((name) => `${name}@shortlisting.example`);
let anchorId: string;

beforeAll(async () => {
  const outer = middles.flatMap((middle, i) => [1, 2].map((j) => ({ a: middle, b: `o${i}${j}@shortlisting.example` })));
  const people = [anchor, ...middles, ...outer.map((link) => link.b)].map((email) => ({ email, name: email.split("@")[0]! }));
  const connections = [...middles.map((middle) => ({ a: anchor, b: middle })), ...outer];
  expect((await importGraphDocument(db, { version: 1, people, connections, users: [{ email: anchor }] }, { workspace })).ok).toBe(true);
  const [row] = await db.read<{ id: string }>({
    name: "test/anchor", text: "MATCH (p:Person {workspace: $workspace, email: $email}) RETURN p.id AS id", params: { workspace, email: anchor }, columns: ["id"],
  });
  anchorId = row!.id;
});

afterAll(async () => {
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

describe("shortlisting by the estimated reach", () => {
  const fewReached = async (connectedTo: { person?: string; team?: boolean; maxHops: number }, shortlistFrom: number) => {
    // A new StartChoice each time would still share the estimate kept for a while; the graph does not change here.
    const scope = await new StartChoice(db, { filterStart: "cost", contendersFrom: 100_000 }).shortlisting(connectedTo, { workspace, viewerId: anchorId, shortlistFrom, topicIds: new Map() });
    return scope.fewReached;
  };

  it("is few below shortlistFrom and many from it, from a person, from the viewer and from the team", async () => {
    expect(await fewReached({ person: anchorId, maxHops: 1 }, 4)).toBe(true);
    expect(await fewReached({ person: anchorId, maxHops: 1 }, 3)).toBe(false);
    expect(await fewReached({ maxHops: 2 }, 10)).toBe(true);
    expect(await fewReached({ maxHops: 2 }, 9)).toBe(false);
    expect(await fewReached({ team: true, maxHops: 2 }, 10)).toBe(true);
    expect(await fewReached({ team: true, maxHops: 2 }, 9)).toBe(false);
    // Three hops: two hops' paths times the mean degree of a connection (9 / 3).
    expect(await fewReached({ maxHops: 3 }, 28)).toBe(true);
    expect(await fewReached({ maxHops: 3 }, 27)).toBe(false);
  });

  it("leaves a scope without connectedTo as it was", async () => {
    const scope = { workspace, viewerId: anchorId, shortlistFrom: 2_000, topicIds: new Map() };
    expect(await new StartChoice(db, { filterStart: "cost", contendersFrom: 100_000 }).shortlisting(undefined, scope)).toBe(scope);
  });
});
