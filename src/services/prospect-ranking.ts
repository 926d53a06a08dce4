/**
 * A page of a ranking, from the statements of src/filters/prospects.ts.
 *
 * From a person or the team, the people a filter matches are those reached,
 * a few thousand at most: they are scored at once. Without connectedTo, a
 * marketer's list of the whole workspace matches tens of thousands (about
 * 200,000 for "interested in CRM" in a million-person workspace), and scoring
 * each one reads all of their evidence. There the page is found by bounds:
 *
 * 1. Every matching person gets the most their score can be
 *    (scoreUpperBound: their exact reach from the viewer, and their evidence
 *    bound, which the first statement works out from their stored bounds and
 *    their employers' decayed to "now", interest at its maximum).
 * 2. People are scored in slices, highest bound first, each slice twice the
 *    last, the best `first` rows kept, until the page is full.
 * 3. A full page's last score is a floor: everyone bounded above it is scored
 *    in one more slice. Everyone else scores below the floor, which scoring
 *    more people only raises, so no one left can enter the page, nor stand
 *    before any of its rows: the page is the one scoring everyone would give.
 *
 * A backward page (the rows before a cursor, lowest first) has no use for
 * upper bounds, and is scored whole, as are exports.
 */
import { joinedPieces } from "../db/pieces.js";
import type { Db, Statement } from "../db/run.js";
import type { Candidate, ProspectPosition, ProspectRow, ProspectStatements } from "../filters/prospects.js";
import { scoreUpperBound } from "../scoring.js";

/** What a ranking's first statements found: the people matching, their evidence bound and, for the whole workspace, their reach. */
export interface Matching {
  ids: string[];
  /** Each one's evidence bound at the ranking's instant (src/scoring.ts): a ranking of the whole workspace only. */
  evidence: number[];
  /** Reach from the viewer of everyone within two connections (the whole workspace's rankings only). */
  reach: ReadonlyMap<string, number>;
}

/**
 * The first slice scored: large enough to fill the first page of the lists
 * measured, small enough to cost 100–300 ms. "prospects interested in CRM"
 * scored 1,000 and then the 387 bounded above the floor in the generated
 * 100k workspace; 1,000 and none in the million-person one.
 */
export const FIRST_SLICE = 1_000;

/**
 * How many statements score a slice side by side, each an interleaved share
 * of it, when it holds SHARE_FROM people or more: Neo4j runs a statement on
 * one core. The CRM list's first 1,000 took 88–101 ms as one statement and
 * 61–75 ms as two (p50 of 15 each, the generated 100k workspace).
 */
export const SCORING_SHARES = 2;
/** A smaller slice is one statement: a share of under 100 people has little to save against a second round trip (a guess; measured only at 1,000). */
export const SHARE_FROM = 200;

/** `items` dealt into `count` lists in turn, so that each gets some of every part of the list. */
export function interleaved<T>(items: readonly T[], count: number): T[][] {
  return Array.from({ length: count }, (_, share) => items.filter((_, index) => index % count === share));
}

/** The matching people, and the viewer's reach when the ranking needs it, read together. */
export async function readMatching(db: Db, page: ProspectStatements): Promise<Matching> {
  const reach = page.kind === "workspace" && page.reach ? db.read(page.reach) : Promise.resolve([]);
  // Should the first read fail, the second's failure is not worth reporting.
  reach.catch(() => undefined);
  const pieces = await db.read(page.matching);
  // A ranking from a person or the team has no evidence bounds: its statement collects none.
  const { ids, evidence } = page.kind === "workspace" ? joinedPieces(pieces, ["ids", "evidence"]) : { ...joinedPieces(pieces, ["ids"]), evidence: [] };
  return { ids, evidence, reach: new Map(joinedPieces(await reach, ["reached"]).reached) };
}

/** The statement scoring every matching person: for an export, or a page read backward. */
export function everyoneScored(page: ProspectStatements, matching: Matching): Statement<ProspectRow> {
  return page.kind === "reached" ? page.scored(matching.ids) : page.scored(matching.ids.map((id) => ({ id, reach: matching.reach.get(id) ?? 0 })));
}

/**
 * The rows of one page, `first` at most, in the ranking's order (score
 * descending, then email; reversed for a backward page), from the people of
 * `matching` and the rows `ranked` already, of others (a forward page of the
 * whole workspace only).
 */
export async function rankedRows(db: Db, page: ProspectStatements, matching: Matching, position: ProspectPosition, first: number, ranked: ProspectRow[] = [], firstSlice = FIRST_SLICE): Promise<ProspectRow[]> {
  if (matching.ids.length === 0) return ranked;
  if (page.kind === "reached" || position.backward) return db.read(everyoneScored(page, matching));
  const bounds = Float64Array.from(matching.ids, (id, index) => scoreUpperBound(matching.evidence[index]!, matching.reach.get(id) ?? 0));
  // Sorting the bounds alone, not the people, finds each slice's lowest bound; a pass over the people then takes the slice.
  const descending = Float64Array.from(bounds).sort().reverse();
  const slice = (from: number, below: number, inclusive: boolean): Candidate[] => {
    const people: Candidate[] = [];
    for (let index = 0; index < bounds.length; index++) {
      const bound = bounds[index]!;
      if (bound < below && (inclusive ? bound >= from : bound > from)) people.push({ id: matching.ids[index]!, reach: matching.reach.get(matching.ids[index]!) ?? 0 });
    }
    return people;
  };
  // Each share's statement returns its own best `first`, among which are all of the slice's best that it holds.
  const merged = async (best: ProspectRow[], people: Candidate[]) => {
    if (people.length === 0) return best;
    const shares = people.length >= SHARE_FROM ? interleaved(people, SCORING_SHARES) : [people];
    const scored = await Promise.all(shares.map((share) => db.read(page.scored(share))));
    return [...best, ...scored.flat()].sort(rankingOrder).slice(0, first);
  };

  let best = ranked;
  // Everyone bounded at `scoredFrom` or above has been scored: `scored` people.
  let scoredFrom = Infinity;
  let scored = 0;
  for (let size = Math.max(firstSlice, first); best.length < first && scored < bounds.length; size *= 2) {
    const lowest = descending[Math.min(scored + size, bounds.length) - 1]!;
    const people = slice(lowest, scoredFrom, true);
    scored += people.length;
    scoredFrom = lowest;
    best = await merged(best, people);
  }
  // A full page's last score is a floor, which scoring more people only raises: everyone bounded above it may still enter.
  if (best.length === first) best = await merged(best, slice(best[first - 1]!.score, scoredFrom, false));
  return best;
}

/** Score descending, then email (else profile URL) ascending: the order of prospect/score.cypher, whose strings compare as JavaScript's do, by UTF-16 code unit. */
function rankingOrder(a: ProspectRow, b: ProspectRow): number {
  if (a.score !== b.score) return b.score - a.score;
  const keyA = rankingKey(a);
  const keyB = rankingKey(b);
  return keyA === keyB ? 0 : keyA < keyB ? -1 : 1;
}

const rankingKey = (row: ProspectRow) => String(row.item.email ?? row.item.profileUrl);
