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

  it("gives every date-time the instant the driver's own conversion gives, offsets, leap days and far years too", () => {
    let seed = 7;
    const next = (below: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % below;
    // Fields as Integers, as the driver decodes them, or as plain numbers.
    const dateTime = (fields: number[], offsetSeconds: number, asIntegers: boolean) => {
      const [year, month, day, hour, minute, second, nanosecond] = fields.map((field) => (asIntegers ? neo4j.int(field) : field));
      return new neo4j.types.DateTime(year!, month!, day!, hour!, minute!, second!, nanosecond!, asIntegers ? neo4j.int(offsetSeconds) : offsetSeconds);
    };
    const cases = [dateTime([2028, 2, 29, 23, 59, 59, 999_999_999], 0, true), dateTime([2027, 1, 1, 0, 30, 0, 0], 3600, false)];
    for (let i = 0; i < 2_000; i++) {
      const year = [next(400) + 1800, next(9_900) + 100, -next(3_000), next(200_000) + 10_000][i % 4]!;
      const fields = [year, next(12) + 1, next(28) + 1, next(24), next(60), next(60), next(1_000_000_000)];
      cases.push(dateTime(fields, next(36 * 3600 + 1) - 18 * 3600, i % 2 === 0));
    }
    for (const value of cases) expect(toPlain(value)).toBe(value.toStandardDate().toISOString());
    expect(toPlain(cases[1])).toBe("2026-12-31T23:30:00.000Z");
  });

  it("leaves the years 0–99 and zone names without an offset to the driver", () => {
    const early = new neo4j.types.DateTime(42, 3, 1, 12, 0, 0, 0, 0);
    expect(toPlain(early)).toBe("0042-03-01T12:00:00.000Z");
    const named = new neo4j.types.DateTime(2026, 3, 1, 12, 0, 0, 0, undefined, "Europe/Paris");
    expect(() => toPlain(named)).toThrow(/time zone offset/);
  });

  it("maps points as latitude = y, longitude = x", () => {
    expect(toPlain(new neo4j.types.Point(4326, -122.4194, 37.7749))).toEqual({ latitude: 37.7749, longitude: -122.4194 });
  });

  it("converts nested lists and maps", () => {
    expect(toPlain({ a: [neo4j.int(1), null], b: { c: "x" } })).toEqual({ a: [1, null], b: { c: "x" } });
  });
});
