/**
 * The oracle pinned: the in-memory evaluator on the hand-made document of
 * hand-made.ts, whose answers can be checked by reading it. If these fail,
 * fix the evaluator before trusting a differential mismatch.
 */
import { describe, expect, it } from "vitest";
import { validateGraphDocument } from "../../src/graph-document/validate.js";
import { distanceKm, InMemoryEvaluator } from "../support/in-memory/evaluator.js";
import { CASES, DOCUMENT, NOW, SF } from "./hand-made.js";
import { viewerOf } from "./viewer.js";

const validation = validateGraphDocument(DOCUMENT);
if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
const doc = validation.document;
const oracle = new InMemoryEvaluator(doc, { viewer: viewerOf(doc) });
const local = (emails: string[]) => emails.map((email) => email.split("@")[0]);

describe("the in-memory evaluator on a hand-made document", () => {
  it("measures distance as Neo4j's point.distance does (WGS-84 haversine)", () => {
    expect(distanceKm(SF, { latitude: 51.5074, longitude: -0.1278 })).toBeCloseTo(8626.086994, 5);
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(111.319543, 5);
  });

  it("takes the first user as the viewer", () => {
    expect(viewerOf(doc)).toBe("rep@a.example");
  });

  it.each(CASES)("$title", ({ people = [], companies = [] }) => {
    for (const [where, expected] of people) expect(local(oracle.people(where, NOW)), JSON.stringify(where)).toEqual(expected);
    for (const [where, expected] of companies) expect(oracle.companies(where, NOW), JSON.stringify(where)).toEqual(expected);
  });
});
