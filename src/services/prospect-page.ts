/**
 * A page of Query.prospects: from everyone the filter matches
 * (prospect-ranking.ts), or, for a large list of the whole workspace, from
 * its contenders when they settle it.
 *
 * Reading everyone matched costs a few property reads each: 4–5 s for the
 * 200,000 people "interested in CRM" in a million-person workspace, to show
 * twenty. When the filter may match that many (StartChoice.contendersFirst),
 * the page is ranked in rounds, each from a floor, a score:
 *
 * 1. The contenders above the floor are read: everyone the viewer reaches
 *    (the first round only; the connection signal is not bounded by the
 *    index) and whoever's score without reach may be above the floor and
 *    not above the last round's (src/scoring-contenders.ts). Those the filter
 *    holds for are ranked with the rows of the rounds before (rankedRows).
 * 2. Anyone not yet read scores below the floor. So once the page is full
 *    and its last score is at least the floor, it is the page everyone would
 *    give: no one left can enter it, nor stand before any of its rows.
 * 3. Otherwise the next floor is lower: the page's last score when full (the
 *    final page's can only be higher), but never more than FLOOR_STEP below.
 *    Lower floors find more contenders, and cost more; the steps keep the
 *    last, largest, round as high as the page allows.
 *
 * A floor the index cannot search from (contenderSearch gives null) ends the
 * rounds: everyone matched is read, as for any other list.
 */
import { joinedPieces } from "../db/pieces.js";
import type { Db } from "../db/run.js";
import type { ContendersRow } from "../filters/statements.js";
import type { ProspectPosition, ProspectRow, ProspectStatements, WorkspaceRanking } from "../filters/prospects.js";
import { contenderSearch, type ContenderSearch } from "../scoring-contenders.js";
import { interleaved, rankedRows, readMatching, type Matching } from "./prospect-ranking.js";

/**
 * The first round's floor: above the last score of the pages measured (the
 * twentieth prospect interested in CRM of the generated million-person
 * workspace scored 0.48 without a viewer, 0.52 with one), so that the first
 * round reads few people and the next starts from a page's last score.
 */
export const FIRST_FLOOR = 0.6;
/** The most a round's floor is below the last one's. */
export const FLOOR_STEP = 0.1;
/**
 * How many statements read a round's contenders by evidence side by side,
 * each a share of its ranges of the index: Neo4j runs a statement on one core.
 * At a million people, a round of two took 250 ms where one took 460–630.
 */
export const SEARCHES_SIDE_BY_SIDE = 2;

/** A page of a ranking, and everyone matched when they were read (not when the contenders settled it). */
export interface RankedPage {
  rows: ProspectRow[];
  matching: Matching | null;
}

/** The rows of one page, `first` at most: from the contenders when `contendersFirst` and they settle it, else from everyone matched. */
export async function rankedPage(db: Db, page: ProspectStatements, position: ProspectPosition, first: number, contendersFirst: boolean): Promise<RankedPage> {
  if (contendersFirst && page.kind === "workspace" && !position.backward) {
    const rows = await rankedFromContenders(db, page, position, first);
    if (rows) return { rows, matching: null };
  }
  const matching = await readMatching(db, page);
  return { rows: await rankedRows(db, page, matching, position, first), matching };
}

/** The page from rounds of contenders; null when a floor cannot be searched from. */
async function rankedFromContenders(db: Db, page: WorkspaceRanking, position: ProspectPosition, first: number): Promise<ProspectRow[] | null> {
  const nowMs = Date.parse(position.scoredAt);
  const contenders = page.contenders();
  const reached = contenders.reached ? db.read(contenders.reached) : Promise.resolve([]);
  // Should a round fail first, this read's failure is not worth reporting.
  reached.catch(() => undefined);
  let rows: ProspectRow[] = [];
  const read = new Set<string>();
  let above = Infinity;
  for (let floor = FIRST_FLOOR; ; ) {
    const search = contenderSearch(floor, above, nowMs);
    if (!search) return null;
    const found = await Promise.all(searchShares(search).map((share) => db.read(contenders.byEvidence(share))));
    if (above === Infinity) found.unshift(await reached);
    rows = await rankedRows(db, page, contendersOf(found, read), position, first, rows);
    const last = rows.length === first ? rows[first - 1]!.score : null;
    if (last !== null && last >= floor) return rows;
    above = floor;
    floor = last === null ? floor - FLOOR_STEP : Math.max(last, floor - FLOOR_STEP);
  }
}

/** The search in SEARCHES_SIDE_BY_SIDE shares, each taking every so many of its ranges, so that each has some of the wide ones and some of the narrow. */
export function searchShares(search: ContenderSearch): ContenderSearch[] {
  if (search.boxes.length === 0) return [search];
  return interleaved(search.boxes, SEARCHES_SIDE_BY_SIDE).map((boxes) => ({ ...search, boxes }));
}

/**
 * The people of contenders' rows not `read` before, once each, now read:
 * someone both reached and high in evidence comes from both, with their reach
 * from the first (the reached).
 */
function contendersOf(results: ContendersRow[][], read: Set<string>): Matching {
  const matching = { ids: [] as string[], evidence: [] as number[], reach: new Map<string, number>() };
  for (const pieces of results) {
    const row = joinedPieces(pieces, ["ids", "evidence", "reach"]);
    row.ids.forEach((id, index) => {
      if (read.has(id)) return;
      read.add(id);
      matching.ids.push(id);
      matching.evidence.push(row.evidence[index]!);
      matching.reach.set(id, row.reach[index]!);
    });
  }
  return matching;
}
