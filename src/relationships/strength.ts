/**
 * How strong a connection is, from the interactions behind it. This module is
 * the one place the rule lives; `Connection.strength` in schema.graphql states
 * it for clients, and cypher/relationship/ only stores what it computes.
 *
 * Terms:
 * - a *one-way* interaction has a sender: an email or a message sent by one of
 *   the two people to the other;
 * - a *two-way* interaction has none: a meeting both attended, a call, or any
 *   interaction recorded without a direction;
 * - the *volume* of a pair at a time t is Σ weight · 2^(−age / halfLife) over
 *   their interactions up to t (one-way weighs 1, two-way weighs 2, since it
 *   counts for both directions), so each interaction counts half as much
 *   after every half-life (default 90 days).
 *
 * The rule:
 * 1. Reciprocity: a pair with one-way interactions in one direction only (they
 *    never answered, or we never did) and no two-way interaction has derived
 *    strength 0 — no connection.
 * 2. Otherwise the derived strength is 1 − e^(−volume / SATURATION): it grows
 *    with frequency, never reaches 1, and decays with age.
 * 3. A strength set by hand (connectPeople) or imported stays as a floor:
 *    strength = max(floor, derived). The statements that store either half
 *    apply this (cypher/relationship/store-*.cypher, import/connections,
 *    mutation/connect-people), since each knows only the half it writes.
 */

/** Volume at which derived strength is 1 − 1/e ≈ 0.63: four recent emails each way, or two recent meetings. */
const SATURATION = 4;
const ONE_WAY_WEIGHT = 1;
const TWO_WAY_WEIGHT = 2;
export const DEFAULT_HALF_LIFE_DAYS = 90;
/**
 * The floor of a connection read from a contacts file (a LinkedIn connection):
 * below what one recent exchange of mail or one meeting gives (≈ 0.39), since
 * accepting an invitation says less than talking.
 */
export const DEFAULT_CONTACT_STRENGTH = 0.2;

const DAY_MS = 86_400_000;

/** One interaction of a pair, as the rule sees it: when, and who sent it (null: two-way). */
export interface PairInteraction {
  atMs: number;
  /** true: sent by the pair's first person; false: by the second; null: two-way. */
  fromFirst: boolean | null;
}

/**
 * What a pair's interactions add up to: the counts a rep reads, and the
 * volume as of the last interaction, from which the volume at any later time
 * follows without the interactions (volume(t) = volumeAtLast · 2^(−(t − last) / halfLife)).
 */
export interface Evidence {
  /** One-way interactions sent by the pair's first person to the second, and the other way. */
  firstToSecond: number;
  secondToFirst: number;
  twoWay: number;
  firstAtMs: number | null;
  lastAtMs: number | null;
  volumeAtLast: number;
}

export function evidenceOf(interactions: readonly PairInteraction[], halfLifeDays: number): Evidence {
  const evidence: Evidence = { firstToSecond: 0, secondToFirst: 0, twoWay: 0, firstAtMs: null, lastAtMs: null, volumeAtLast: 0 };
  for (const { atMs, fromFirst } of interactions) {
    if (fromFirst === null) evidence.twoWay += 1;
    else if (fromFirst) evidence.firstToSecond += 1;
    else evidence.secondToFirst += 1;
    if (evidence.firstAtMs === null || atMs < evidence.firstAtMs) evidence.firstAtMs = atMs;
    if (evidence.lastAtMs === null || atMs > evidence.lastAtMs) evidence.lastAtMs = atMs;
  }
  const last = evidence.lastAtMs;
  if (last === null) return evidence;
  for (const { atMs, fromFirst } of interactions) {
    evidence.volumeAtLast += weight(fromFirst) * decay(last - atMs, halfLifeDays);
  }
  return evidence;
}

/** Rules 1 and 2: the strength the interactions alone give, as of `nowMs`. */
export function derivedStrength(evidence: Evidence, nowMs: number, halfLifeDays: number): number {
  if (!isReciprocal(evidence) || evidence.lastAtMs === null) return 0;
  // An interaction dated after `now` (clocks differ) decays from now, never grows.
  const volume = evidence.volumeAtLast * decay(Math.max(0, nowMs - evidence.lastAtMs), halfLifeDays);
  return 1 - Math.exp(-volume / SATURATION);
}

function isReciprocal(evidence: Evidence): boolean {
  return evidence.twoWay > 0 || (evidence.firstToSecond > 0 && evidence.secondToFirst > 0);
}

function weight(fromFirst: boolean | null): number {
  return fromFirst === null ? TWO_WAY_WEIGHT : ONE_WAY_WEIGHT;
}

function decay(ageMs: number, halfLifeDays: number): number {
  return 2 ** (-ageMs / (halfLifeDays * DAY_MS));
}
