import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlain } from "../../src/db/mapping.js";

describe("toPlain", () => {
  it("turns safe Neo4j integers into numbers and refuses unsafe ones", () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(() => toPlain(neo4j.int("9007199254740993"))).toThrow(/does not fit/);
  });

  it("turns date-times into UTC instants and dates into YYYY-MM-DD", () => {
    const dateTime = neo4j.types.DateTime.fromStandardDate(new Date("2026-10-15T09:30:00Z"));
    expect(toPlain(dateTime)).toBe("2026-10-15T09:30:00.000Z");
    expect(toPlain(new neo4j.types.Date(2026, 10, 15))).toBe("2026-10-15");
  });

  it("maps points as latitude = y, longitude = x", () => {
    expect(toPlain(new neo4j.types.Point(4326, -122.4194, 37.7749))).toEqual({ latitude: 37.7749, longitude: -122.4194 });
  });

  it("converts nested lists and maps", () => {
    expect(toPlain({ a: [neo4j.int(1), null], b: { c: "x" } })).toEqual({ a: [1, null], b: { c: "x" } });
  });
});
