/**
 * Who may score above a floor without the viewer's reach: the people a
 * ranking of the whole workspace scores before it knows its page
 * (src/services/prospect-ranking.ts), found through the index on
 * (workspace, concernBound, engagementBound) (migration 015) without reading
 * anyone else.
 *
 * Unreached, a person scores at most their evidence part (the engagement and
 * concern signals at their bounds, src/scoring.ts) plus weights.interest plus
 * the event signal at their employers' bounds. So whoever has an evidence part
 * of at most `level` = unraised(floor) − weights.interest − weights.event
 * scores below the floor, whatever their employers' events. The people above
 * the level form a region of (concernBound, engagementBound) under a falling
 * curve; BOXES ranges of concernBound, each with the lowest engagementBound
 * the region has in it, cover it, and an index seek reads each as a range of
 * the index. The exact evidence part, read from the index too, and then the
 * employers' events decide who of those read is a contender
 * (common/contenders-by-evidence).
 *
 * A person lacking one of the two bounds is not in the index; their evidence
 * part is below the other signal's weight. So the index answers only for a
 * level at least the larger of the two weights: below, contenderSearch gives
 * null, and the ranking reads everyone the filter matches.
 */
import { decaysAt, SCORING, unraised } from "./scoring.js";

/** How many ranges of concernBound cover the region: more read fewer index entries outside it, each a seek. */
export const BOXES = 32;

/** A range of concernBound, from (inclusive) and to (exclusive), and the engagementBound above which a person in it may be in the region. */
export interface Box {
  concernFrom: number;
  concernTo: number;
  engagementFrom: number;
}

/** The parameters of common/contenders-by-evidence: the people whose bound without reach is above `floor` and at most `above`, both raw (unraised) bounds. */
export interface ContenderSearch {
  floor: number;
  above: number;
  level: number;
  boxes: Box[];
  decays: { engagement: number; concern: number; event: number };
  weights: typeof SCORING.weights;
}

/** The contenders above the score `floor` and not above `above` (a higher floor already searched), at `nowMs`; null when the index cannot find them. */
export function contenderSearch(floor: number, above: number, nowMs: number): ContenderSearch | null {
  const { weights } = SCORING;
  const level = unraised(floor) - weights.interest - weights.event;
  if (!(level >= Math.max(weights.engagement, weights.concern))) return null;
  const decays = decaysAt(nowMs);
  const search = { floor: unraised(floor), above: above === Infinity ? Number.MAX_VALUE : unraised(above), level, decays, weights };
  // No evidence part reaches a level of both weights: only the people reached can be contenders.
  if (level >= weights.engagement + weights.concern) return { ...search, boxes: [] };
  // The stored bound at which a signal of weight w decayed by d gives `part`: w · (1 − e^(−bound · d)) = part.
  const boundGiving = (part: number, weight: number, decay: number) => (part >= weight ? Infinity : -Math.log(1 - part / weight) / decay);
  // The concern signal's part runs from what the level needs with the engagement's at its most, to its own weight.
  const lowest = level - weights.engagement;
  const partAt = (index: number) => lowest + ((weights.concern - lowest) * index) / BOXES;
  const boxes = Array.from({ length: BOXES }, (_, index): Box => ({
    concernFrom: boundGiving(partAt(index), weights.concern, decays.concern),
    concernTo: index === BOXES - 1 ? Number.MAX_VALUE : boundGiving(partAt(index + 1), weights.concern, decays.concern),
    // Within the range, the concern signal is below partAt(index + 1): the engagement's must give the rest.
    engagementFrom: boundGiving(level - partAt(index + 1), weights.engagement, decays.engagement),
  }));
  return { ...search, boxes };
}
