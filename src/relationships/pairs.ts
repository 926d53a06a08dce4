/**
 * Keeps connections in step with interactions. After interactions are
 * written — by the importer, a mutation or mail and calendar ingestion — each
 * pair they touch is weighed again from all of its interactions
 * (strength.ts) and the result stored on the pair's connection, in the same
 * transaction as the caller's writes when the caller has one.
 *
 * Weighing a pair again from scratch, rather than adding the new
 * interactions to what was stored, keeps this idempotent: a batch that is
 * retried, or an import run twice, gives the same strengths.
 */
import { personLookup } from "../db/key-lookups.js";
import type { QueryRow } from "../db/query-names.js";
import type { RunQuery } from "../db/run.js";
import { integer, utcDateTime } from "../db/values.js";
import { derivedStrength, evidenceOf, type PairInteraction } from "./strength.js";

/** A team member (by email) and a contact (by email, else profile URL), as stored. */
export interface Pair {
  team: string;
  contact: string;
}

export interface WeighSettings {
  nowMs: number;
  halfLifeDays: number;
}

/** The distinct pairs of a list of interactions, in first-seen order. */
export function pairsOf(interactions: Iterable<{ user: string; person: string }>): Pair[] {
  const seen = new Map<string, Pair>();
  for (const { user, person } of interactions) {
    const key = `${user}\n${person}`;
    if (!seen.has(key)) seen.set(key, { team: user, contact: person });
  }
  return [...seen.values()];
}

/**
 * Pairs ordered by contact, for weighing in batches: a batch reads each
 * contact's interactions once for all of its pairs (pair-interactions.cypher),
 * so a contact's pairs should share a batch.
 */
export function inContactOrder(pairs: Iterable<Pair>): Pair[] {
  return [...pairs].sort((a, b) => (a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : a.team < b.team ? -1 : 1));
}

/** Weighs each pair again and stores the result; resolves with how many pairs are connected afterwards. */
export async function weighPairs(run: RunQuery, workspace: string, pairs: readonly Pair[], settings: WeighSettings): Promise<number> {
  if (pairs.length === 0) return 0;
  const found = await run("relationship/pair-interactions", { workspace, pairs: pairs.map((pair) => ({ team: pair.team, contact: personLookup(pair.contact) })) });
  const rows = found.map((row) => evidenceRow(row, settings));
  const [stored] = await run("relationship/store-evidence", { workspace, rows, now: utcDateTime(new Date(settings.nowMs).toISOString()) });
  return stored?.connected ?? 0;
}

function evidenceRow(row: QueryRow<"relationship/pair-interactions">, { nowMs, halfLifeDays }: WeighSettings): Record<string, unknown> {
  const interactions = row.interactions.map((i): PairInteraction => ({ atMs: i.atMs, fromFirst: i.fromLow }));
  const evidence = evidenceOf(interactions, halfLifeDays);
  const instant = (ms: number | null) => (ms === null ? null : utcDateTime(new Date(ms).toISOString()));
  return {
    low: personLookup(row.low),
    high: personLookup(row.high),
    sentLowToHigh: integer(evidence.firstToSecond),
    sentHighToLow: integer(evidence.secondToFirst),
    twoWay: integer(evidence.twoWay),
    first: instant(evidence.firstAtMs),
    last: instant(evidence.lastAtMs),
    volume: evidence.volumeAtLast,
    derived: derivedStrength(evidence, nowMs, halfLifeDays),
  };
}
