/**
 * The strength rule's documented examples (docs/relationships.md), and the
 * evidence line a rep reads on a team connection.
 */
import { describe, expect, it } from "vitest";
import { evidenceSummary } from "../../../src/relationships/evidence-summary.js";
import { derivedStrength, evidenceOf, type PairInteraction } from "../../../src/relationships/strength.js";

const DAY_MS = 86_400_000;
const now = Date.parse("2026-12-03T12:00:00Z");
const daysAgo = (days: number) => now - days * DAY_MS;
const strength = (interactions: PairInteraction[]) => derivedStrength(evidenceOf(interactions, 90), now, 90);
const emailsEachWay = (count: number, atMs: number): PairInteraction[] =>
  Array.from({ length: count }, () => [{ atMs, fromFirst: true }, { atMs, fromFirst: false }]).flat();

describe("the strength rule", () => {
  it("gives the documented values", () => {
    expect(strength([{ atMs: now, fromFirst: null }])).toBeCloseTo(0.39, 2);
    expect(strength(emailsEachWay(4, daysAgo(3)))).toBeCloseTo(0.86, 2);
    expect(strength(emailsEachWay(4, daysAgo(365)))).toBeCloseTo(0.11, 2);
    const nineAndAMeeting = [...emailsEachWay(4, daysAgo(7)), { atMs: daysAgo(7), fromFirst: true }, { atMs: daysAgo(7), fromFirst: null }];
    expect(strength(nineAndAMeeting)).toBeCloseTo(0.93, 2);
  });

  it("makes no connection of mail in one direction, however much", () => {
    const unanswered = Array.from({ length: 50 }, (_, i): PairInteraction => ({ atMs: daysAgo(i), fromFirst: true }));
    expect(strength(unanswered)).toBe(0);
    expect(strength([...unanswered, { atMs: daysAgo(400), fromFirst: false }])).toBeGreaterThan(0.9);
  });

  it("halves the volume every half-life, from the last interaction on", () => {
    const evidence = evidenceOf([{ atMs: daysAgo(0), fromFirst: null }, { atMs: daysAgo(90), fromFirst: null }], 90);
    expect(evidence.volumeAtLast).toBeCloseTo(3, 10);
    const later = derivedStrength(evidence, now + 90 * DAY_MS, 90);
    expect(later).toBeCloseTo(1 - Math.exp(-1.5 / 4), 10);
  });
});

describe("the evidence line", () => {
  const last = new Date(daysAgo(3)).toISOString();
  it("says what the counts say and how long ago", () => {
    expect(evidenceSummary({ emailsSent: 5, emailsReceived: 4, meetings: 1, lastInteractionAt: last }, now)).toBe("9 emails both ways and 1 meeting; last 3 days ago");
    expect(evidenceSummary({ emailsSent: 3, emailsReceived: 0, meetings: 2, lastInteractionAt: last }, now)).toBe("3 emails sent, none answered and 2 meetings; last 3 days ago");
    expect(evidenceSummary({ emailsSent: 0, emailsReceived: 1, meetings: 0, lastInteractionAt: new Date(daysAgo(400)).toISOString() }, now)).toBe("1 email received, none answered; last 13 months ago");
    expect(evidenceSummary({ emailsSent: 0, emailsReceived: 0, meetings: 0, lastInteractionAt: null }, now)).toBe("set by hand or imported; no interactions");
  });
});
