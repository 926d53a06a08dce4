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
import { topicKey } from "../graph-document/normalize.js";
import { compilePersonWhere, DEFAULT_MIN_STRENGTH, halvedHops, hopsBound, startingPerson, viewerIdOf } from "./compile.js";
import { fragment, type FragmentName } from "./fragments.js";
import { reachOfMatching } from "./reach.js";
import { everyoneTested, matched } from "./shortlist.js";
import { column, type CompanyItem, type ContentItem, type Item, type PersonItem, type RowOf, type TopicItem } from "../db/rows.js";
import { joinPaths, reachedPeople, statement, teamJoinPaths, testedPeople, type IntroductionPath, type Scope } from "./statements.js";
import { Cypher, join, variableList } from "./tree.js";
import type { PersonWhere } from "./types.js";
import { personWhereReadsViewer } from "./viewer.js";

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
  /** Read backward: the rows just before `after` (the last rows when null), nearest first; the caller turns them round. */
  backward?: boolean;
}

/** The ranking (score descending, then email) read forward or, for a backward page, reversed: fixed texts only. */
function rankingTexts(backward: boolean) {
  return backward
    ? { beyond: ">", beyondEmail: "<", scoreDirection: "ASC", emailDirection: "DESC" }
    : { beyond: "<", beyondEmail: ">", scoreDirection: "DESC", emailDirection: "ASC" };
}

/** Without a top-level connectedTo, the connection signal looks from the viewer. */
export function prospectsReadViewer(where: PersonWhere): boolean {
  return !where.connectedTo || personWhereReadsViewer(where);
}

/** A prospect's row: the person, the score and the evidence that earned it (cypher/filters/prospect/score.cypher). */
const PROSPECTS_PAGE = {
  label: "filters/prospects-page",
  columns: {
    item: column<PersonItem>(),
    score: column<number>(),
    path: column<IntroductionPath | null>(),
    employer: column<{ name: string | null; domain: string } | null>(),
    engagements: column<{ action: string; at: string; content: ContentItem; weight: number }[]>(),
    concerns: column<{ concern: Item; topic: TopicItem; weight: number }[]>(),
    interests: column<{ topic: TopicItem; weight: number }[]>(),
    events: column<{ company: CompanyItem; event: Item; weight: number }[]>(),
  },
};

export type ProspectRow = RowOf<typeof PROSPECTS_PAGE.columns>;

export function prospectsPage(where: PersonWhere, scope: Scope, first: number, position: ProspectPosition) {
  const { connectedTo, ...rest } = where;
  const filter = compilePersonWhere(rest, "person", scope);
  const team = connectedTo?.team === true;
  const origin = team ? null : connectedTo ? startingPerson(connectedTo.person, scope) : viewerIdOf(scope);
  const minStrength = connectedTo?.minStrength ?? DEFAULT_MIN_STRENGTH;
  const maxHops = connectedTo?.maxHops ?? (connectedTo ? 1 : SCORING.hopsWithoutConnectedTo);
  const hops = halvedHops(maxHops);
  // From the team, paths start at any user and carry no origin through the statement.
  const strongestPath = team
    ? fragment("common/team-strongest-path", { to: "person", ...hops, joinPaths: teamJoinPaths(hops, minStrength), path: "path" }, {})
    : fragment("common/strongest-path", { from: "origin", to: "person", ...hops, joinPaths: joinPaths(hops, minStrength), path: "path" }, {});
  const pathCarried = team ? [] : ["origin"];
  const values = {
    evidence: evidence(evidenceTopicNames(where), connectedTo ? "topics" : "content"),
    hops: hopsBound(maxHops),
    // The connected statement expands from origin itself (prospects-page-connected).
    ...(team ? { reached: reachedPeople(connectedTo, scope).rows } : !connectedTo && { reached: everyoneTested(filter) }),
    matched: matched(filter, filter.predicate, [...pathCarried, "evidenceTopics", "evidenceContent", ...filter.carried], testedPeople(connectedTo, scope)),
    reach: reachOfMatching(maxHops, minStrength, team ? "team" : "origin"),
    carried: variableList(filter.carried),
    score: fragment("prospect/score", { strongestPath, carried: variableList(pathCarried), ...rankingTexts(position.backward === true) }, scoringParams(position, first),
      (content) => fragment(connectedTo ? "prospect/about-evidence" : "prospect/in-evidence-content", { content }, {})),
  };
  const name: FragmentName = team ? "statement/prospects-page-team" : connectedTo ? "statement/prospects-page-connected" : "statement/prospects-page";
  const personIds = connectedTo && origin ? [...new Set([origin, ...filter.personIds])] : filter.personIds;
  const start = team ? "team" : connectedTo ? "connected" : "everyone";
  return { ...statement(PROSPECTS_PAGE, name, { ...filter, personIds }, scope, { origin, minStrength }, values), start };
}

/** The score's numbers, and where the page starts, scored at the first page's instant. */
function scoringParams(position: ProspectPosition, first: number) {
  const now = new Date(position.scoredAt);
  return {
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
}

/**
 * The topic names whose evidence explains a match: those of the conditions a
 * person must (or may, under OR) meet. null when the filter names none.
 */
export function evidenceTopicNames(where: PersonWhere): string[] | null {
  const names = new Set<string>();
  const visit = (filter: PersonWhere): void => {
    for (const topics of [filter.interestedIn?.topics, filter.engagedWith?.topics, filter.expressedConcern?.topics]) {
      for (const name of topics ?? []) names.add(topicKey(name));
    }
    for (const inner of [...(filter.AND ?? []), ...(filter.OR ?? [])]) visit(inner);
  };
  visit(where);
  return names.size === 0 ? null : [...names];
}

/**
 * Binds evidenceTopics, the topic set of the names, and evidenceContent: both
 * null for every topic. Ranking the whole workspace scores thousands of people,
 * each with tens of engagements, so the content about the topics is read once
 * (prospect/evidence: "prospects interested in CRM" over the 100k workspace,
 * 2.54M db hits before, 1.63M after); the people reached from one person or the
 * team are few, and reading all of a million-person workspace's content first
 * tripled the db hits of a typical person's 2-hop prospects.
 */
function evidence(names: string[] | null, testedBy: "topics" | "content"): Cypher {
  if (names === null) return new Cypher(["CALL { RETURN null AS evidenceTopics, null AS evidenceContent }"]);
  if (testedBy === "content") return fragment("prospect/evidence", {}, { names });
  return join([fragment("common/topic-set", { topics: "evidenceTopics" }, { names }), "CALL { RETURN null AS evidenceContent }"], "\n");
}
