/**
 * Whole statements (cypher/filters/statement): a compiled filter put into the
 * page or count statement of its list field, or of a snapshot or an export,
 * and the statements of introduction paths, each with the row it returns.
 * Pages are keyset-paginated on (sort value, natural key) in the order asked
 * for (ordering.ts), so a page never repeats or skips a row when earlier
 * pages' rows change position.
 */
import neo4j from "neo4j-driver";
import { PIECE_PARAMETER } from "../db/pieces.js";
import { statementOf, type Params, type Statement } from "../db/run.js";
import { column, single, type CompanyItem, type Columns, type Item, type PersonItem, type RowOf } from "../db/rows.js";
import { compileCompanyWhere, compileEmployerOfReached, compilePersonWhere, DEFAULT_MIN_STRENGTH, halvedHops, hopsBound, startingPerson, viewerIdOf, type CompiledFilter, type Lookups, type Viewer } from "./compile.js";
import { fragment, type FragmentName } from "./fragments.js";
import { orderTexts, type Order, type PageKey } from "./ordering.js";
import { reachOfMatching } from "./reach.js";
import { evidenceBoundParams } from "../scoring.js";
import type { ContenderSearch } from "../scoring-contenders.js";
import { everyoneTested, matched, type TestedPeople } from "./shortlist.js";
import { Cypher, join, NULL, render, variableList, type Part } from "./tree.js";
import type { CompanyWhere, ConnectedToFilter, PersonWhere } from "./types.js";

/** A statement and the people it names, whom the caller checks exist (NOT_FOUND) as it runs. */
export type FilterStatement<R> = Statement<R> & { personIds: string[] };

/** What a statement returns: its name in metrics and transaction metadata, and its columns. */
export interface Output<C extends Columns> {
  label: string;
  columns: C;
}

const COUNT = { total: column<number>() };

const PATH = { people: column<PersonItem[]>(), strengths: column<number[]>(), hops: column<number>(), score: column<number>() };
export type IntroductionPath = RowOf<typeof PATH>;

/** Who is asking and where, and what the filter needs looked up: every statement is scoped to the workspace. */
export interface Scope extends Lookups {
  workspace: string;
  /** How many people a statement must have to test before it shortlists them (cypher/filters/shortlist). */
  shortlistFrom: number;
  /**
   * True when the people connectedTo reaches are, by an estimate from the
   * graph, fewer than shortlistFrom (start-choice.ts): the statement then
   * tests each of them and carries no shortlist steps, which would skip
   * themselves anyway, so Neo4j has a smaller text to plan. False when the
   * estimate says at least as many: the first step is certain
   * (shortlist.ts). Absent (no estimate): the steps are written and decide
   * for themselves.
   */
  fewReached?: boolean;
}

/**
 * A row of a page: an item and its sort value, and the list's total when the
 * statement counts (else null). A counting page past the end is one row with
 * a null item, and nothing else to read but the total.
 */
export interface PageRow<I> {
  item: I | null;
  sortValue: string | number;
  total: number | null;
}
const pageColumns = <I>() => ({ item: column<I | null>(), sortValue: column<string | number>(), total: column<number | null>() });

/**
 * A list's statements: a page, and a count when the page does not count. A
 * `*-reached` statement holds every match in a list anyway, so its page
 * carries the list's total: one text to plan and one read instead of two
 * (warm, `Q1 2 hops` on the generated 100k graph answers in 37 ms at p50
 * against 45; docs/performance.md). Any other page leaves the total to a
 * count statement, which runs beside it.
 */
export interface ListStatements<I> {
  page: FilterStatement<PageRow<I>>;
  count: FilterStatement<{ total: number }> | null;
}

/** Where a `*-reached` statement starts (reachedStatement). */
type ReachedStart = "connected" | "team" | "everyone";
const REACHED_STARTS: readonly (string | undefined)[] = ["connected", "team", "everyone"] satisfies ReachedStart[];

const PEOPLE_PAGE = { label: "filters/people-page", columns: pageColumns<PersonItem>() };
const PEOPLE_COUNT = { label: "filters/people-count", columns: COUNT };
const PEOPLE_IDS = { label: "filters/people-ids", columns: { ids: column<string[]>(), evidence: column<number[]>() } };

/** Query.people: a page of `first` after `after` in `order`, and the count when the page does not count. */
export function peopleList(where: PersonWhere, scope: Scope, order: Order, first: number, after: PageKey | null): ListStatements<PersonItem> {
  const page = people(PEOPLE_PAGE, "statement/people-page-reached", "statement/people-page", where, scope, paging(first, after), orderTexts("person", order));
  return { page, count: REACHED_STARTS.includes(page.start) ? null : peopleCount(where, scope) };
}

function paging(first: number, after: PageKey | null): Params {
  return { afterValue: after?.value ?? null, afterKey: after?.key ?? null, limit: neo4j.int(first) };
}

export function peopleCount(where: PersonWhere, scope: Scope) {
  return people(PEOPLE_COUNT, "statement/people-count-reached", "statement/people-count", where, scope, {}, {});
}

/**
 * The ids of every person the filter holds for, with their evidence bound at
 * `nowMs`: what prospects.ts scores. Without `nowMs` no bounds (a ranking from
 * a person or the team scores everyone it matches), and none to plan: the
 * bound's three terms cost 20 ms of planning.
 */
export function peopleIds(where: PersonWhere, scope: Scope, nowMs: number | null) {
  return people(PEOPLE_IDS, "statement/people-ids-reached", "statement/people-ids", where, scope, { piece: PIECE_PARAMETER }, { evidenceBound: nowMs === null ? NULL : evidenceBound(nowMs) });
}

/** A person's evidence bound at `nowMs`, as src/scoring.ts's scoreUpperBound takes it. */
function evidenceBound(nowMs: number): Cypher {
  return fragment("prospect/evidence-bound", { person: "person" }, evidenceBoundParams(nowMs));
}

const PROSPECTS_CONTENDERS = { label: "filters/prospects-contenders", columns: { ids: column<string[]>(), evidence: column<number[]>(), reach: column<number[]>() } };
export type ContendersRow = RowOf<typeof PROSPECTS_CONTENDERS.columns>;

/** The statements of a ranking's contenders: those the viewer reaches (none without a viewer), and those a ContenderSearch finds. */
export interface ContenderStatements {
  reached: FilterStatement<ContendersRow> | null;
  byEvidence(search: ContenderSearch): FilterStatement<ContendersRow>;
}

/**
 * Contenders of a ranking of the whole workspace (`where` has no
 * connectedTo) that the filter holds for, with their evidence bound at `nowMs` and reach:
 * statement/prospects-contenders, for the people $origin reaches (by
 * `widening`), and for those a search by evidence finds, one text for every
 * search. Each is tested on their own: they are tens of thousands at most,
 * where the filter's own shortlist would read everyone it matches.
 */
export function prospectsContenders(where: PersonWhere, scope: Scope, widening: Cypher, origin: string | null, nowMs: number): ContenderStatements {
  const filter = compilePersonWhere(where, "person", scope);
  const carried = variableList(filter.carried);
  const matchedContenders = matched(filter, filter.predicate, [...filter.carried, "reach"], "few reached");
  const contendersOf = (contenders: Cypher) =>
    statement(PROSPECTS_CONTENDERS, "statement/prospects-contenders", filter, scope, { piece: PIECE_PARAMETER }, { contenders, matched: matchedContenders, evidenceBound: evidenceBound(nowMs) });
  return {
    reached: origin === null ? null : contendersOf(fragment("common/contenders-reached", { widening, carried }, { origin })),
    byEvidence: (search) => contendersOf(fragment("common/contenders-by-evidence", { carried }, { ...search })),
  };
}

/**
 * Where the people a filter is tested on come from. A top-level connectedTo
 * expands from the starting person (or from every user, for the team), and
 * the rest of the filter tests only the people reached. Without one, a top-level topic condition shortlists the
 * whole workspace from the topics' side (src/filters/shortlist.ts): on the
 * generated 100k graph, interestedIn CRM reads 171k db hits instead of 1.27M.
 * Any other filter is tested on every person by the plain statement, whose
 * plan can use the indexes the filter's fields have.
 */
function people<C extends Columns>(
  output: Output<C>, reachedName: FragmentName, plainName: FragmentName, where: PersonWhere, scope: Scope, params: Params, texts: Record<string, Part>,
): FilterStatement<RowOf<C>> {
  const { connectedTo, ...rest } = where;
  const filter = compilePersonWhere(rest, "person", scope);
  if (!connectedTo && filter.shortlistable.length === 0) return { ...statement(output, plainName, filter, scope, params, texts), start: "every person" };
  return reachedStatement(output, reachedName, filter, filter.predicate, connectedTo, scope, params, texts);
}

/**
 * A `*-reached` statement: the people to test come as rows from
 * reachedPeople, and `matched` keeps those `predicate` holds for.
 */
function reachedStatement<C extends Columns>(
  output: Output<C>, name: FragmentName, filter: CompiledFilter, predicate: Cypher,
  connectedTo: ConnectedToFilter | null | undefined, scope: Scope, params: Params, texts: Record<string, Part>,
): FilterStatement<RowOf<C>> {
  const reached = connectedTo ? reachedPeople(connectedTo, scope) : { rows: everyoneTested(filter), personIds: [] };
  const values = { ...texts, reached: reached.rows, carried: variableList(filter.carried), matched: matched(filter, predicate, filter.carried, testedPeople(connectedTo, scope)) };
  const start: ReachedStart = !connectedTo ? "everyone" : connectedTo.team ? "team" : "connected";
  return { ...statement(output, name, { ...filter, personIds: [...new Set([...reached.personIds, ...filter.personIds])] }, scope, params, values), start };
}

/** Who the rows a statement tests are (shortlist.ts's matched()): everyone, or the people connectedTo reaches, many or few. */
function testedPeople(connectedTo: ConnectedToFilter | null | undefined, scope: Scope): TestedPeople {
  if (!connectedTo) return "everyone";
  if (scope.fewReached === undefined) return "reached";
  return scope.fewReached ? "few reached" : "many reached";
}

/** The rows of `person` a statement tests: the people connectedTo reaches, from a person or from the team. */
function reachedPeople(connectedTo: ConnectedToFilter, viewer: Viewer): { rows: Cypher; personIds: string[] } {
  const hops = hopsBound(connectedTo.maxHops);
  const minStrength = connectedTo.minStrength ?? DEFAULT_MIN_STRENGTH;
  if (connectedTo.team) return { rows: fragment("common/reached-from-team", { hops }, { minStrength }), personIds: [] };
  const anchor = startingPerson(connectedTo.person, viewer);
  return { rows: fragment("common/reached-from-anchor", { hops }, { anchor, minStrength }), personIds: [anchor] };
}

const COMPANIES_PAGE = { label: "filters/companies-page", columns: pageColumns<CompanyItem>() };
const COMPANIES_COUNT = { label: "filters/companies-count", columns: COUNT };

/** Where a company statement starts: from the events of its top-level hadEvent's window, or as companies() chooses without them (start-choice.ts). */
export type CompanyStart = "events" | "usual";

const COMPANY_STATEMENTS = {
  page: { reached: "statement/companies-page-reached", plain: "statement/companies-page", events: "statement/companies-page-from-events" },
  // A list that expands is counted by its page (ListStatements).
  count: { reached: null, plain: "statement/companies-count", events: "statement/companies-count-from-events" },
} satisfies Record<string, Record<string, FragmentName | null>>;

/** Query.companies: a page, and the count when the page does not count, from `start`. */
export function companiesList(where: CompanyWhere, scope: Scope, order: Order, first: number, after: PageKey | null, start: CompanyStart = "usual"): ListStatements<CompanyItem> {
  const page = companies(COMPANIES_PAGE, COMPANY_STATEMENTS.page, where, scope, start, paging(first, after), orderTexts("company", order));
  return { page, count: REACHED_STARTS.includes(page.start) ? null : companies(COMPANIES_COUNT, COMPANY_STATEMENTS.count, where, scope, start, {}, {}) };
}

/**
 * Where the companies a filter is tested on come from, as people() chooses
 * for people: a top-level employs.connectedTo expands from the starting
 * person, and a top-level employs with a topic condition starts from everyone
 * and shortlists; either way the statement goes from the people the employee
 * filter holds for to their current employers. Any other filter tests every
 * company of the workspace. Started from the events of a top-level hadEvent's
 * window instead, the statement tests each of their companies for the whole
 * filter, its connectedTo from both ends (compile.ts's farHops).
 */
function companies<C extends Columns>(
  output: Output<C>, names: Record<"plain" | "events", FragmentName> & { reached: FragmentName | null }, where: CompanyWhere, scope: Scope, start: CompanyStart, params: Params, texts: Record<string, Part>,
): FilterStatement<RowOf<C>> {
  const hadEvent = where.hadEvent;
  if (start === "events" && hadEvent?.withinDays != null) {
    const filter = compileCompanyWhere(where, "company", scope, true);
    const window = { withinDays: hadEvent.withinDays, types: hadEvent.types ?? null, fundingStages: hadEvent.fundingStages ?? null };
    return { ...statement(output, names.events, filter, scope, { ...params, ...window }, { ...texts, carried: variableList(filter.carried) }), start: "events" };
  }
  const connectedTo = where.employs?.connectedTo;
  const filter = where.employs ? compileEmployerOfReached(where, "person", "company", scope) : null;
  if (!filter || (!connectedTo && filter.shortlistable.length === 0)) {
    return { ...statement(output, names.plain, compileCompanyWhere(where, "company", scope), scope, params, texts), start: "every company" };
  }
  if (names.reached === null) throw new Error(`${output.label} has no statement for a list that expands: its page counts it`);
  return reachedStatement(output, names.reached, filter, filter.employeePredicate, connectedTo, scope, params, texts);
}

/** Where introduction paths start: one person, or any user of the workspace (the team). */
export type PathStart = { person: string } | { team: true };

/** Introductions from a person or the team to a person, or to anyone at a company (exactly one of `to` and `toCompany`). */
export function introductionPaths(scope: Scope, start: PathStart, target: { to: string | null; toCompany: string | null }, maxHops: number, first: number): FilterStatement<IntroductionPath> {
  const hops = halvedHops(maxHops);
  const team = "team" in start;
  const values = {
    ...hops,
    from: team ? fragment("common/from-team", {}, {}) : fragment("common/from-person", {}, { from: start.person }),
    joinPaths: team ? teamJoinPaths(hops) : joinPaths(hops),
    bestPaths: fragment("statement/best-paths", {}, { first: neo4j.int(first) }),
  };
  const name = target.to !== null ? "statement/introduction-paths-to-person" : "statement/introduction-paths-to-company";
  const { text, params } = render(fragment(name, values, target));
  const statement = statementOf("filters/introduction-paths", PATH, text, { ...params, workspace: scope.workspace });
  return { ...statement, personIds: [...(team ? [] : [start.person]), ...(target.to ? [target.to] : [])] };
}

const STRONGEST_PATHS = { key: column<string>(), item: column<IntroductionPath>() };

/** For each person of `keys`, the strongest path of at most maxHops connections from `from`. */
export function strongestPaths(workspace: string, from: string, keys: string[], maxHops: number): FilterStatement<RowOf<typeof STRONGEST_PATHS>> {
  const hops = halvedHops(maxHops);
  const strongestPath = fragment("common/strongest-path", { from: "from", to: "to", ...hops, joinPaths: joinPaths(hops), path: "path" }, {});
  const { text, params } = render(fragment("statement/strongest-paths", { strongestPath }, { from, keys }));
  return { ...statementOf("filters/strongest-paths", STRONGEST_PATHS, text, { ...params, workspace }), personIds: [from] };
}

export function joinPaths(hops: { leftHops: string; rightHops: string }, minStrength = DEFAULT_MIN_STRENGTH): Cypher {
  return fragment("common/join-paths", hops, { minStrength });
}

/** Paths from any user, through no other user (common/team-paths). */
export function teamJoinPaths(hops: { leftHops: string; rightHops: string }, minStrength = DEFAULT_MIN_STRENGTH): Cypher {
  return join([joinPaths(hops, minStrength), fragment("common/team-paths", {}, {})], "\n");
}

const maybeText = column<string | null>();
const COMPANIES_EXPORT = {
  label: "filters/companies-export",
  columns: {
    domain: column<string>(), name: maybeText, industry: maybeText,
    contactEmail: maybeText, contactName: maybeText, contactTitle: maybeText, connection: column<number | null>(),
  },
};

/** A company segment's export: the companies a filter matches, each with its best-connected current employee. */
export function companiesExport(where: CompanyWhere, scope: Scope) {
  const filter = compileCompanyWhere(where, "company", scope);
  return statement(COMPANIES_EXPORT, "statement/companies-export", filter, scope, { origin: viewerIdOf(scope) }, { reach: reachOfMatching(2, DEFAULT_MIN_STRENGTH) });
}

const SNAPSHOT_PEOPLE = { label: "filters/snapshot-people", columns: single<Item & { id: string }>() };

/** snapshotSegment: the people a filter matches now, frozen as the members of a new snapshot. */
export function snapshotPeople(where: PersonWhere, scope: Scope, ids: { segment: string; snapshot: string }, recordedBy: string) {
  const filter = compilePersonWhere(where, "person", scope);
  return statement(SNAPSHOT_PEOPLE, "statement/snapshot-people", filter, scope, { ...ids, recordedBy }, { carried: variableList(filter.carried) });
}

/** Snapshot.diff up to now: who matches now and is not a member (joined), or is a member and no longer matches (left). */
export function snapshotChange(side: "joined" | "left", where: PersonWhere, scope: Scope, snapshot: string) {
  const filter = compilePersonWhere(where, "person", scope);
  const output = { label: `filters/snapshot-${side}`, columns: single<PersonItem>() };
  return statement(output, side === "joined" ? "statement/snapshot-joined" : "statement/snapshot-left", filter, scope, { snapshot });
}

/**
 * A statement around a compiled filter: its prelude and predicate in their
 * slots, `values` in the others, rendered with one naming environment, with
 * the parameters every statement shares.
 */
function statement<C extends Columns>(
  output: Output<C>, name: FragmentName, filter: Pick<CompiledFilter, "prelude" | "predicate" | "personIds">, scope: Scope, params: Params, values: Record<string, Part> = {},
): FilterStatement<RowOf<C>> {
  const tree = fragment(name, { ...values, prelude: join(filter.prelude, "\n"), predicate: filter.predicate }, params);
  const rendered = render(tree);
  const tuning = { workspace: scope.workspace, shortlistFrom: neo4j.int(scope.shortlistFrom) };
  return { ...statementOf(output.label, output.columns, rendered.text, { ...rendered.params, ...tuning }), personIds: filter.personIds };
}
