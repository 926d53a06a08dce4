import { describe, expect, it } from "vitest";
import { joinedPieces } from "../../../src/db/pieces.js";

describe("joinedPieces", () => {
  it("joins each column's pieces in the order of the records", () => {
    const pieces = [{ ids: ["a", "b"], evidence: [1, 2] }, { ids: ["c"], evidence: [3] }];
    expect(joinedPieces(pieces, ["ids", "evidence"])).toEqual({ ids: ["a", "b", "c"], evidence: [1, 2, 3] });
  });

  it("gives empty lists for no record (a statement returns none for an empty list)", () => {
    expect(joinedPieces<{ ids: string[]; evidence: number[] }, "ids" | "evidence">([], ["ids", "evidence"])).toEqual({ ids: [], evidence: [] });
  });

  it("throws on a record whose lists differ in length, naming them", () => {
    expect(() => joinedPieces([{ ids: ["a", "b"], evidence: [1] }], ["ids", "evidence"])).toThrow("ids has 2 entries, evidence 1");
  });
});
