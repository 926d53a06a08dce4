/**
 * Query.prospects as one statement: the people a PersonWhere matches, each
 * scored from its evidence, ranked by score then email, one page of them with
 * the evidence that earned the score. The formula's numbers live here, once:
 * the statement receives them as parameters and the resolver weighs reasons
 * with them. schema.graphql (ProspectEdge.score) documents the same formula.
 *
 * The evidence is about the topics the filter names where they count for a
 * match (interestedIn, engagedWith, expressedConcern; not under NOT, not in a
 * worksAt company filter); a filter that names none takes every topic.
 */
import neo4j from "neo4j-driver";
import { utcDateTime } from "../db/values.js";
import { compileReachedPersonWhere, DEFAULT_MIN_STRENGTH, halvedHops, hopsBound, startingPerson } from "./compile.js";
import { FragmentInstances, instantiate, variableList, type FragmentName } from "./fragments.js";
import { reachOfMatching } from "./reach.js";
import { matchedText } from "./shortlist.js";
import type { Scope, Statement } from "./statements.js";
import type { PersonWhere } from "./types.js";

export const SCORING = {
  /** Each signal is in [0, 1]; the score is their weighted sum. */
  weights: { connection: 0.3, engagement: 0.25, concern: 0.25, interest: 0.1, event: 0.1 },
  /** An engagement's weight by what the person did, before decay. */
  actionWeights: { ATTENDED: 1, DOWNLOADED: 0.8, SHARED: 0.8, COMMENTED: 0.7, READ: 0.6, LIKED: 0.3 },
  /** Days after which a piece of evidence counts half. */
  halfLives: { engagement: 30, concern: 60, event: 90 },
  /** Evidence older than this counts not at all. */
  windowDays: 365,
  /** Without a top-level connectedTo, the connection signal looks this far. */
  hopsWithoutConnectedTo: 2,
  reasonsPerSignal: 3,
} as const;

/** Where a page starts: after (score, email), scored at `scoredAt` so later pages rank like the first. */
export interface ProspectPosition {
  scoredAt: string;
  after: { score: number; email: string } | null;
}

export function prospectsPage(where: PersonWhere, scope: Scope, first: number, position: ProspectPosition): Statement {
  const now = new Date(position.scoredAt);
  const scoring = {
    now: utcDateTime(now.toISOString()),
    since: utcDateTime(new Date(now.getTime() - SCORING.windowDays * 86_400_000).toISOString()),
    weights: SCORING.weights,
    actionWeights: SCORING.actionWeights,
    halfLives: SCORING.halfLives,
    reasonsPerSignal: neo4j.int(SCORING.reasonsPerSignal),
    afterScore: position.after?.score ?? null,
    afterEmail: position.after?.email ?? null,
    limit: neo4j.int(first),
  };
  const { connectedTo, ...rest } = where;
  const filter = compileReachedPersonWhere(rest, "person", scope);
  const carried = variableList(filter.carried);
  const origin = connectedTo ? startingPerson(connectedTo.person, scope) : scope.viewerId;
  const minStrength = connectedTo?.minStrength ?? DEFAULT_MIN_STRENGTH;
  const maxHops = connectedTo?.maxHops ?? (connectedTo ? 1 : SCORING.hopsWithoutConnectedTo);

  const parts = new FragmentInstances(STATEMENT_INSTANCE + 1);
  const hops = halvedHops(maxHops);
  const joinPaths = parts.add("common/join-paths", hops, { minStrength });
  const strongestPath = parts.add("common/strongest-path", { from: "origin", to: "person", ...hops, joinPaths, path: "path" }, {});
  const score = parts.add("prospect/score", { strongestPath }, scoring);
  const values = {
    prelude: filter.prelude.join("\n"),
    evidence: evidenceTopics(parts, evidenceTopicNames(where)),
    hops: hopsBound(maxHops),
    matched: matchedText(filter.predicate, filter.shortlisting, ["origin", "evidenceTopics", ...filter.carried], parts.reserve()),
    reach: reachOfMatching(parts, maxHops, minStrength),
    carried,
    score,
  };
  const name: FragmentName = connectedTo ? "statement/prospects-page-connected" : "statement/prospects-page";
  const statement = instantiate(name, STATEMENT_INSTANCE, values, { origin, minStrength });
  const personIds = connectedTo && origin ? [...new Set([origin, ...filter.personIds])] : filter.personIds;
  const tuning = { workspace: scope.workspace, shortlistFrom: neo4j.int(scope.shortlistFrom) };
  return { text: statement.text, params: { ...filter.params, ...parts.params, ...statement.params, ...tuning }, personIds };
}

/**
 * The topic names whose evidence explains a match: those of the conditions a
 * person must (or may, under OR) meet. null when the filter names none.
 */
export function evidenceTopicNames(where: PersonWhere): string[] | null {
  const names = new Set<string>();
  const visit = (filter: PersonWhere): void => {
    for (const topics of [filter.interestedIn?.topics, filter.engagedWith?.topics, filter.expressedConcern?.topics]) {
      for (const name of topics ?? []) names.add(name.trim().toLowerCase());
    }
    for (const inner of [...(filter.AND ?? []), ...(filter.OR ?? [])]) visit(inner);
  };
  visit(where);
  return names.size === 0 ? null : [...names];
}

/** Binds evidenceTopics: the topic set of the names, or null for every topic. */
function evidenceTopics(parts: FragmentInstances, names: string[] | null): string {
  return names === null
    ? "CALL { RETURN null AS evidenceTopics }"
    : parts.add("common/topic-set", { topics: "evidenceTopics" }, { names });
}

/** Above the filter's instance numbers, like statements.ts's. */
const STATEMENT_INSTANCE = 2_000_000;
