import { describe, expect, it } from "vitest";
import { readMailDate } from "../../../src/ingest/mail-date.js";

function instant(value: string): string {
  const date = readMailDate(value);
  if ("problem" in date) throw new Error(date.problem);
  return date.at.toISOString();
}

function problem(value: string): string {
  const date = readMailDate(value);
  if ("at" in date) throw new Error(`read "${value}" as ${date.at.toISOString()}`);
  return date.problem;
}

describe("readMailDate", () => {
  it.each([
    ["Tue, 3 Dec 2024 14:20:00 +0100", "2024-12-03T13:20:00.000Z"],
    ["Tue, 03 Dec 2024 14:20:00 -0800 (PST)", "2024-12-03T22:20:00.000Z"],
    ["3 Dec 2024 14:20 +0530", "2024-12-03T08:50:00.000Z"],
    ["Tue,  3 Dec 2024 14:20:00 +1345", "2024-12-03T00:35:00.000Z"],
    ["Tue, 3 Dec 24 14:20:00 GMT", "2024-12-03T14:20:00.000Z"],
    ["Fri, 3 Dec 99 14:20:00 UT", "1999-12-03T14:20:00.000Z"],
    ["Sat, 3 Dec 104 14:20:00 EST", "2004-12-03T19:20:00.000Z"],
    ["Tue, 3 Dec 2024\r\n 14:20:00 +0000", "2024-12-03T14:20:00.000Z"],
    ["Thu, 29 Feb 2024 23:59:60 +0000", "2024-02-29T23:59:59.000Z"],
    ["2024-12-03T14:20:00+01:00", "2024-12-03T13:20:00.000Z"],
    ["2024-12-03 14:20:00Z", "2024-12-03T14:20:00.000Z"],
  ])("reads %j as %s", (value, expected) => {
    expect(instant(value)).toBe(expected);
  });

  it.each([
    ["", "unreadable"],
    ["yesterday", "unreadable"],
    ["12", "unreadable"],
    ["Tue, 3 Dec 2024 14:20:00", "no zone offset"],
    ["Tue, 3 Dec 2024 14:20:00 CET", 'unknown zone "CET"'],
    ["Fri, 31 Feb 2024 10:00:00 +0000", "out of range"],
    ["Tue, 3 Dec 2024 25:00:00 +0000", "out of range"],
    ["Tue, 3 Foo 2024 10:00:00 +0000", 'no month "Foo"'],
  ])("refuses %j (%s) instead of guessing", (value, expected) => {
    expect(problem(value)).toContain(expected);
  });
});
