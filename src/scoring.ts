/**
 * The prospect score's numbers, and the evidence bounds kept beside them so a
 * ranking of the whole workspace need not score everyone.
 *
 * Terms:
 * - score: the weighted sum of five signals, each in [0, 1] (schema.graphql,
 *   ProspectEdge.score; cypher/filters/prospect/score.cypher computes it).
 * - evidence bound: a number kept per signal that decays, on each person
 *   (`engagementBound`, `concernBound`) and each company (`eventBound`), that
 *   every engagement, concern or company event ever written has added to:
 *   its weight times 2^(days since BOUND_EPOCH / half-life). Decay is
 *   exponential, so for any "now", any topics and any window, the signal's
 *   decayed sum is at most the bound times 2^(−days from BOUND_EPOCH to now /
 *   half-life): each term of the sum is a term of the bound, decayed alike.
 *   Evidence deleted later stays in the bound, which only loosens it. A
 *   person's event signal is bounded by the sum of all their employers'
 *   bounds, current or not, which each person keeps as `employerEventBound`.
 * - upper bound of a score: the score with the bounds in place of the sums,
 *   and the interest signal at its maximum (1).
 * - contender above a floor (a score): a person whose score may be above it,
 *   by an upper bound without reach (src/scoring-contenders.ts); anyone the
 *   viewer reaches is a contender too (src/services/prospect-page.ts).
 *
 * The bounds are written by every statement that adds evidence
 * (import/engagements, import/concerns, import/events, mutation/record-*),
 * or, into an empty workspace, with the person (import/people-into-empty,
 * summed by src/graph-document/evidence-sums.ts); employerEventBound also by
 * those that add an employment (import/employments, ingest/contacts). They are summed when people or companies merge, and were
 * computed for the graph as it stood by cypher/migrations/012-evidence-bounds,
 * 013-company-event-bounds and 014-employer-event-bounds. Changing an action
 * weight, the severity's part or a half-life below changes what the bounds
 * mean: it needs a migration that computes them again (the migrations' numbers are these;
 * tests/integration/prospect-ranking.test.ts checks they agree).
 */
export const SCORING = {
  /** Each signal is in [0, 1]; the score is their weighted sum. */
  weights: { connection: 0.3, engagement: 0.25, concern: 0.25, interest: 0.1, event: 0.1 },
  /** An engagement's weight by what the person did, before decay. */
  actionWeights: { ATTENDED: 1, DOWNLOADED: 0.8, SHARED: 0.8, COMMENTED: 0.7, READ: 0.6, LIKED: 0.3 } as Readonly<Record<string, number>>,
  /** An engagement of an action not listed above. */
  otherActionWeight: 0.5,
  /** A concern without a severity counts as this one (of 5). */
  defaultSeverity: 3,
  /** Days after which a piece of evidence counts half. */
  halfLives: { engagement: 30, concern: 60, event: 90 },
  /** Evidence older than this counts not at all. */
  windowDays: 365,
  /** Without a top-level connectedTo, the connection signal looks this far. */
  hopsWithoutConnectedTo: 2,
  reasonsPerSignal: 3,
} as const;

/**
 * Where the bounds' growth starts: 2020-01-01 UTC. Sums of 2^(days/half-life)
 * stay finite for 84 years from here at a 30-day half-life (2^1024 overflows);
 * evidence dated before it adds little, which is still a bound.
 */
export const BOUND_EPOCH_MS = Date.UTC(2020, 0, 1);
const DAY_MS = 86_400_000;

/** What an engagement adds to its person's engagementBound. */
export function engagementBound(action: string, at: string): number {
  return (SCORING.actionWeights[action] ?? SCORING.otherActionWeight) * grown(at, SCORING.halfLives.engagement);
}

/** What a concern adds to its person's concernBound. */
export function concernBound(severity: number | undefined, expressedAt: string): number {
  return ((severity ?? SCORING.defaultSeverity) / 5) * grown(expressedAt, SCORING.halfLives.concern);
}

function grown(at: string, halfLifeDays: number): number {
  return 2 ** ((Date.parse(at) - BOUND_EPOCH_MS) / DAY_MS / halfLifeDays);
}

/** What a company event adds to its company's eventBound. */
export function eventBound(occurredAt: string): number {
  return grown(occurredAt, SCORING.halfLives.event);
}

/**
 * What a ranking's first statements need to work out each person's evidence
 * bound at `nowMs` (cypher/filters/prospect/evidence-bound): the signals'
 * weights, and the decays of the stored bounds to `nowMs`. The bound is each
 * signal's weight times 1 − e^(−stored bound · decay), summed over
 * engagements, concerns and the employers' events (a stored bound is null
 * when no evidence was written: 0).
 */
export function evidenceBoundParams(nowMs: number): { weights: typeof SCORING.weights; decays: ReturnType<typeof decaysAt> } {
  return { weights: SCORING.weights, decays: decaysAt(nowMs) };
}

/**
 * The most a person's score can be, given their evidence bound at the
 * ranking's instant (evidenceBoundParams) and the strength of their strongest
 * path from the viewer (`reach`, exact), raised(): the interest signal counts
 * at its weight, as if held.
 */
export function scoreUpperBound(evidence: number, reach: number): number {
  const { weights } = SCORING;
  return raised(weights.connection * reach + evidence + weights.interest);
}

/** Raised by a millionth and a little more: the score is rounded to six decimals and the bounds are sums of floating-point numbers. */
export function raised(bound: number): number {
  return bound * (1 + 1e-9) + 1e-6;
}

/** The bound whose raised value is `score`: a bound above it is raised above `score`. */
export function unraised(score: number): number {
  return (score - 1e-6) / (1 + 1e-9);
}

/** Each signal's decay from BOUND_EPOCH_MS to `nowMs`: what a stored bound is multiplied by. */
export function decaysAt(nowMs: number): { engagement: number; concern: number; event: number } {
  const { halfLives } = SCORING;
  const decay = (halfLifeDays: number) => 2 ** (-(nowMs - BOUND_EPOCH_MS) / DAY_MS / halfLifeDays);
  return { engagement: decay(halfLives.engagement), concern: decay(halfLives.concern), event: decay(halfLives.event) };
}
