/**
 * Query.prospects' statements: the people a PersonWhere matches, each scored
 * from its evidence, ranked by score then email, one page of them with the
 * evidence that earned the score. The formula's numbers live in src/scoring.ts:
 * the statements receive them as parameters and the resolver weighs reasons
 * with them. schema.graphql (ProspectEdge.score) documents the same formula.
 *
 * The evidence is about the topics the filter names where they count for a
 * match (interestedIn, engagedWith, expressedConcern; not under NOT, not in a
 * worksAt company filter); a filter that names none takes every topic.
 */
import neo4j from "neo4j-driver";
import { PIECE_PARAMETER } from "../db/pieces.js";
import { utcDateTime } from "../db/values.js";
import { topicKey } from "../graph-document/normalize.js";
import { statementOf, type Statement } from "../db/run.js";
import { DEFAULT_MIN_STRENGTH, halvedHops, startingPerson, viewerIdOf } from "./compile.js";
import { fragment, type FragmentName } from "./fragments.js";
import { reachOfEveryone, reachOfMatching } from "./reach.js";
import { column, type CompanyItem, type ContentItem, type Item, type PersonItem, type RowOf, type TopicItem } from "../db/rows.js";
import { joinPaths, peopleCount, peopleIds, prospectsContenders, teamJoinPaths, type ContenderStatements, type FilterStatement, type IntroductionPath, type Scope } from "./statements.js";
import { Cypher, join, render, variableList } from "./tree.js";
import type { PersonWhere } from "./types.js";
import { personWhereReadsViewer } from "./viewer.js";
import { SCORING } from "../scoring.js";

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

/** The name of the scoring statement, the one every filter of a kind of ranking shares (src/plans/warm.ts warms it). */
export const PROSPECTS_SCORING = "filters/prospects-page";

/** A prospect's row: the person, the score and the evidence that earned it (cypher/filters/prospect/score.cypher). */
const PROSPECTS_PAGE = {
  label: PROSPECTS_SCORING,
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

/**
 * A page of prospects as two statements or more. The first finds the ids of
 * the people the filter holds for, as Query.people's statements would
 * (statements.ts), with their evidence bound (src/scoring.ts); the other scores
 * and ranks them, and its text depends only on the kind of ranking (from a
 * person, from the team or from the viewer, the hops, whether topics are
 * named, the direction), not on the filter. Neo4j plans each statement text
 * whole: in one statement, a filter shape it had not seen cost it the
 * scoring's planning too (about 440 ms of the ~730 ms of `prospects Q1 1 hop`
 * on the generated 100k graph), where the scoring's text is now planned once
 * for every filter. The ids travel back as a list parameter, whose size (1,
 * up to 10, up to 100 …) is part of the plan's key.
 *
 * From a person or the team ("reached"), the scoring statement takes the ids
 * and finds each one's reach itself. Without connectedTo ("workspace"), the
 * viewer's reach of everyone comes from a statement of its own, and the
 * scoring statement takes people with their reach: a ranking of the whole
 * workspace scores them in slices, highest bound first
 * (src/services/prospect-ranking.ts).
 */
export type ProspectStatements = ReachedRanking | WorkspaceRanking;

export interface ReachedRanking {
  kind: "reached";
  matching: FilterStatement<MatchingRow>;
  scored(ids: string[]): Statement<ProspectRow>;
}

export interface WorkspaceRanking {
  kind: "workspace";
  matching: FilterStatement<MatchingRow>;
  /** The statements of the matching contenders, with their evidence bound and reach: the first ones when the filter matches many. Compiled when asked for. */
  contenders(): ContenderStatements;
  /** How many the filter matches, for totalCount when the ranking starts from its contenders. Compiled when asked for. */
  count(): FilterStatement<{ total: number }>;
  /** Everyone within two connections of the viewer, with their reach; null without a viewer (everyone's reach is 0). */
  reach: Statement<RowOf<typeof PROSPECTS_REACH_ROW>> | null;
  scored(people: readonly Candidate[]): Statement<ProspectRow>;
}

/** The people a filter matches, with each one's evidence bound when the ranking is of the whole workspace (none otherwise). */
export type MatchingRow = { ids: string[]; evidence: number[] };

/** A person of a ranking of the whole workspace as its scoring statement takes them. */
export interface Candidate {
  id: string;
  reach: number;
}

/** The name of the statement of the viewer's reach, one text for every filter (src/plans/warm.ts warms it). */
export const PROSPECTS_REACH = "filters/prospects-reach";
const PROSPECTS_REACH_ROW = { reached: column<[id: string, reach: number][]>() };

export function prospectsPage(where: PersonWhere, scope: Scope, first: number, position: ProspectPosition): ProspectStatements {
  const { connectedTo } = where;
  const team = connectedTo?.team === true;
  const origin = team ? null : connectedTo ? startingPerson(connectedTo.person, scope) : viewerIdOf(scope);
  const minStrength = connectedTo?.minStrength ?? DEFAULT_MIN_STRENGTH;
  const maxHops = connectedTo?.maxHops ?? (connectedTo ? 1 : SCORING.hopsWithoutConnectedTo);
  const hops = halvedHops(maxHops);
  // From the team, paths start at any user and carry no origin through the statement.
  const strongestPath = team
    ? fragment("common/team-strongest-path", { to: "person", ...hops, joinPaths: teamJoinPaths(hops, minStrength), path: "path" }, {})
    : fragment("common/strongest-path", { from: "origin", to: "person", ...hops, joinPaths: joinPaths(hops, minStrength), path: "path" }, {});
  const score = fragment("prospect/score", { strongestPath, carried: variableList(team ? [] : ["origin"]), ...rankingTexts(position.backward === true) }, scoringParams(position, first),
    (content) => fragment(connectedTo ? "prospect/about-evidence" : "prospect/in-evidence-content", { content }, {}));
  // Only a ranking of the whole workspace chooses whom to score by their bounds.
  const matching = peopleIds(where, scope, connectedTo ? null : Date.parse(position.scoredAt));
  const personIds = origin ? [...new Set([origin, ...matching.personIds])] : matching.personIds;
  const scoring = (name: FragmentName, values: Record<string, Cypher>, matched: unknown) => {
    const { text, params } = render(fragment(name, { ...values, score }, { origin, minStrength, matching: matched }));
    return { ...statementOf(PROSPECTS_PAGE.label, PROSPECTS_PAGE.columns, text, { ...params, workspace: scope.workspace }), start: matching.start };
  };
  if (!connectedTo) {
    const values = { evidence: evidence(evidenceTopicNames(where), "content") };
    const reach = origin === null ? null : render(fragment("statement/prospects-reach", { widening: reachOfEveryone(maxHops, minStrength) }, { origin, piece: PIECE_PARAMETER }));
    return {
      kind: "workspace",
      matching: { ...matching, personIds },
      // Most rankings read neither: each compiles the filter again.
      contenders: () => {
        const contenders = prospectsContenders(where, scope, reachOfEveryone(maxHops, minStrength), origin, Date.parse(position.scoredAt));
        return { reached: contenders.reached && { ...contenders.reached, personIds }, byEvidence: (search) => ({ ...contenders.byEvidence(search), personIds }) };
      },
      count: () => ({ ...peopleCount(where, scope), personIds }),
      reach: reach && statementOf(PROSPECTS_REACH, PROSPECTS_REACH_ROW, reach.text, { ...reach.params, workspace: scope.workspace }),
      scored: (people) => scoring("statement/prospects-scored", values, people),
    };
  }
  const values = { evidence: evidence(evidenceTopicNames(where), "topics"), reach: reachOfMatching(maxHops, minStrength, team ? "team" : "origin") };
  const name: FragmentName = team ? "statement/prospects-scored-team" : "statement/prospects-scored-connected";
  return { kind: "reached", matching: { ...matching, personIds }, scored: (ids) => scoring(name, values, ids) };
}

/** The score's numbers, and where the page starts, scored at the first page's instant. */
function scoringParams(position: ProspectPosition, first: number) {
  const now = new Date(position.scoredAt);
  return {
    now: utcDateTime(now.toISOString()),
    since: utcDateTime(new Date(now.getTime() - SCORING.windowDays * 86_400_000).toISOString()),
    weights: SCORING.weights,
    actionWeights: SCORING.actionWeights,
    otherActionWeight: SCORING.otherActionWeight,
    defaultSeverity: neo4j.int(SCORING.defaultSeverity),
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
