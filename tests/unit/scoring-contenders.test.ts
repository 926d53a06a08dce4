/**
 * The ranges a search for contenders reads (src/scoring-contenders.ts) hold
 * everyone whose evidence part is above the level, so no one who may score
 * above the floor is left unread; and they hold few others.
 */
import { describe, expect, it } from "vitest";
import { Random } from "../../seed/generator/random.js";
import { BOUND_EPOCH_MS, decaysAt, SCORING, unraised } from "../../src/scoring.js";
import { contenderSearch, type ContenderSearch } from "../../src/scoring-contenders.js";
import { searchShares } from "../../src/services/prospect-page.js";
import { interleaved } from "../../src/services/prospect-ranking.js";

const NOW = Date.parse("2026-12-05T00:00:00Z");
const { weights } = SCORING;

/** The engagement and concern signals at the stored bounds, as the score bounds them. */
function evidencePart(engagement: number, concern: number): number {
  const decays = decaysAt(NOW);
  return weights.engagement * (1 - Math.exp(-engagement * decays.engagement)) + weights.concern * (1 - Math.exp(-concern * decays.concern));
}

const inRanges = (search: ContenderSearch, engagement: number, concern: number) =>
  search.boxes.some((box) => concern >= box.concernFrom && concern < box.concernTo && engagement > box.engagementFrom);

/** Stored bounds as the writers grow them: a sum of 2^(days / half-life) terms, from a few days' worth to years'. */
function storedBounds(random: Random): [number, number] {
  const grown = (halfLife: number) => {
    const days = (NOW - BOUND_EPOCH_MS) / 86_400_000 - random.int(0, 900);
    return random.int(1, 12) * 2 ** (days / halfLife) * (0.2 + random.next());
  };
  return [grown(SCORING.halfLives.engagement), grown(SCORING.halfLives.concern)];
}

describe("contenderSearch", () => {
  it("covers everyone above the level, at floors from the lowest it searches to beyond any score", () => {
    const random = new Random(11, "contender-search");
    const points = Array.from({ length: 20_000 }, () => storedBounds(random));
    for (const floor of [0.451, 0.47, 0.5, 0.55, 0.6, 0.65, 0.69]) {
      const search = contenderSearch(floor, Infinity, NOW)!;
      expect(search.level).toBeCloseTo(unraised(floor) - weights.interest - weights.event, 12);
      const above = points.filter(([engagement, concern]) => evidencePart(engagement, concern) > search.level);
      const read = points.filter(([engagement, concern]) => inRanges(search, engagement, concern));
      expect(above.length, `floor ${floor}`).toBeGreaterThan(0);
      for (const [engagement, concern] of above) expect(inRanges(search, engagement, concern), `floor ${floor}: ${engagement}, ${concern}`).toBe(true);
      // The ranges follow the region's edge: they read at most a fifth more than it holds.
      expect(read.length, `floor ${floor}`).toBeLessThanOrEqual(above.length * 1.2 + 5);
    }
  });

  it("covers the region's edge itself, where one signal alone is at its most", () => {
    const search = contenderSearch(0.5, Infinity, NOW)!;
    const decays = decaysAt(NOW);
    // Concern at its most (a bound beyond any range but the last): the engagement needs only what the level lacks.
    const needed = -Math.log(1 - (search.level - weights.concern + 1e-6) / weights.engagement) / decays.engagement;
    expect(inRanges(search, needed * 1.001, 1e300)).toBe(true);
    // Engagement at its most: the concern needs only what the level lacks.
    const concern = -Math.log(1 - (search.level - weights.engagement + 1e-6) / weights.concern) / decays.concern;
    expect(inRanges(search, 1e300, concern * 1.001)).toBe(true);
  });

  it("reads no ranges where no evidence can reach the level, and cannot search below a level of the larger weight", () => {
    expect(contenderSearch(0.8, Infinity, NOW)!.boxes).toEqual([]);
    const lowest = (Math.max(weights.engagement, weights.concern) + weights.interest + weights.event) * (1 + 1e-9) + 1e-6;
    expect(contenderSearch(lowest + 1e-9, Infinity, NOW)).not.toBeNull();
    expect(contenderSearch(lowest - 1e-3, Infinity, NOW)).toBeNull();
  });

  it("keeps the band it is given: the floor and what was searched above it, as bounds", () => {
    const search = contenderSearch(0.5, 0.6, NOW)!;
    expect([search.floor, search.above]).toEqual([unraised(0.5), unraised(0.6)]);
    expect(contenderSearch(0.5, Infinity, NOW)!.above).toBe(Number.MAX_VALUE);
  });
});

describe("interleaved shares (a round's ranges, a slice's people)", () => {
  it("deals every item once, in turn, so that shares differ in size by one at most", () => {
    const items = Array.from({ length: 1_001 }, (_, index) => index);
    const shares = interleaved(items, 2);
    expect(shares.map((share) => share.length)).toEqual([501, 500]);
    expect(shares[0]!.slice(0, 3)).toEqual([0, 2, 4]);
    expect(shares[1]!.slice(0, 3)).toEqual([1, 3, 5]);
    expect(shares.flat().sort((a, b) => a - b)).toEqual(items);
  });

  it("gives a round's search in shares whose ranges together are the search's", () => {
    const search = contenderSearch(0.6, Infinity, Date.parse("2026-06-01T00:00:00Z"))!;
    const shares = searchShares(search);
    expect(shares.length).toBeGreaterThan(1);
    expect(shares.flatMap((share) => share.boxes).sort((a, b) => a.concernFrom - b.concernFrom)).toEqual(search.boxes);
    for (const share of shares) expect({ ...share, boxes: [] }).toEqual({ ...search, boxes: [] });
  });
});
