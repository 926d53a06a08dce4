/**
 * Whole statements for the list fields: a compiled filter put into the page
 * or count statement of its root field (cypher/filters/statement). Pages are
 * keyset-paginated on (sort value, natural key) in the order asked for
 * (ordering.ts), so a page never repeats or skips a row when earlier pages'
 * rows change position.
 */
import neo4j from "neo4j-driver";
import type { Params } from "../db/run.js";
import { compileCompanyWhere, compileEmployerOfReached, compilePersonWhere, DEFAULT_MIN_STRENGTH, halvedHops, hopsBound, startingPerson, viewerIdOf, type CompiledFilter, type Viewer } from "./compile.js";
import { fragment, type FragmentName } from "./fragments.js";
import { orderTexts, type Order, type PageKey } from "./ordering.js";
import { reachOfMatching } from "./reach.js";
import { matched } from "./shortlist.js";
import { Cypher, join, render, variableList, type Part } from "./tree.js";
import type { CompanyWhere, ConnectedToFilter, PersonWhere } from "./types.js";

export interface Statement {
  text: string;
  params: Params;
  personIds: string[];
}

/** Who is asking and where: every statement is scoped to the workspace. */
export interface Scope extends Viewer {
  workspace: string;
  /** How many people a statement must have to test before it shortlists them (cypher/filters/shortlist). */
  shortlistFrom: number;
}

export function peoplePage(where: PersonWhere, scope: Scope, order: Order, first: number, after: PageKey | null): Statement {
  const paging = { afterValue: after?.value ?? null, afterKey: after?.key ?? null, limit: neo4j.int(first) };
  return people("statement/people-page-reached", "statement/people-page", where, scope, paging, orderTexts("person", order));
}

export function peopleCount(where: PersonWhere, scope: Scope): Statement {
  return people("statement/people-count-reached", "statement/people-count", where, scope, {}, {});
}

/**
 * Where the people a filter is tested on come from. A top-level connectedTo
 * expands from the starting person, and the rest of the filter tests only the
 * people reached. Without one, a top-level topic condition shortlists the
 * whole workspace from the topics' side (src/filters/shortlist.ts): on the
 * generated 100k graph, interestedIn CRM reads 171k db hits instead of 1.27M.
 * Any other filter is tested on every person by the plain statement, whose
 * plan can use the indexes the filter's fields have.
 */
function people(reachedName: FragmentName, plainName: FragmentName, where: PersonWhere, scope: Scope, params: Params, texts: Record<string, Part>): Statement {
  const { connectedTo, ...rest } = where;
  const filter = compilePersonWhere(rest, "person", scope);
  if (!connectedTo && filter.shortlistable.length === 0) return statement(plainName, filter, scope, params, texts);
  return reachedStatement(reachedName, filter, filter.predicate, connectedTo, scope, params, texts);
}

/**
 * A `*-reached` statement: the people to test come as rows from
 * reachedPeople, and `matched` keeps those `predicate` holds for.
 */
function reachedStatement(
  name: FragmentName, filter: CompiledFilter, predicate: Cypher,
  connectedTo: ConnectedToFilter | null | undefined, scope: Scope, params: Params, texts: Record<string, Part>,
): Statement {
  const reached = reachedPeople(connectedTo, scope);
  const values = { ...texts, reached: reached.rows, carried: variableList(filter.carried), matched: matched(filter, predicate, filter.carried) };
  return statement(name, { ...filter, personIds: [...new Set([...reached.personIds, ...filter.personIds])] }, scope, params, values);
}

/** The rows of `person` a statement tests: the people connectedTo reaches, or everyone in the workspace. */
function reachedPeople(connectedTo: ConnectedToFilter | null | undefined, viewer: Viewer): { rows: Cypher; personIds: string[] } {
  if (!connectedTo) return { rows: fragment("common/everyone", {}, {}), personIds: [] };
  const anchor = startingPerson(connectedTo.person, viewer);
  const params = { anchor, minStrength: connectedTo.minStrength ?? DEFAULT_MIN_STRENGTH };
  return { rows: fragment("common/reached-from-anchor", { hops: hopsBound(connectedTo.maxHops) }, params), personIds: [anchor] };
}

export function companiesPage(where: CompanyWhere, scope: Scope, order: Order, first: number, after: PageKey | null): Statement {
  const paging = { afterValue: after?.value ?? null, afterKey: after?.key ?? null, limit: neo4j.int(first) };
  return companies("statement/companies-page-reached", "statement/companies-page", where, scope, paging, orderTexts("company", order));
}

export function companiesCount(where: CompanyWhere, scope: Scope): Statement {
  return companies("statement/companies-count-reached", "statement/companies-count", where, scope, {}, {});
}

/**
 * Where the companies a filter is tested on come from, as people() chooses
 * for people: a top-level employs.connectedTo expands from the starting
 * person, and a top-level employs with a topic condition starts from everyone
 * and shortlists; either way the statement goes from the people the employee
 * filter holds for to their current employers. Any other filter tests every
 * company of the workspace.
 */
function companies(reachedName: FragmentName, plainName: FragmentName, where: CompanyWhere, scope: Scope, params: Params, texts: Record<string, Part>): Statement {
  const connectedTo = where.employs?.connectedTo;
  const filter = where.employs ? compileEmployerOfReached(where, "person", "company", scope) : null;
  if (!filter || (!connectedTo && filter.shortlistable.length === 0)) {
    return statement(plainName, compileCompanyWhere(where, "company", scope), scope, params, texts);
  }
  return reachedStatement(reachedName, filter, filter.employeePredicate, connectedTo, scope, params, texts);
}

/** Introductions from one person to another, or to anyone at a company (exactly one of `to` and `toCompany`). */
export function introductionPaths(scope: Scope, from: string, target: { to: string | null; toCompany: string | null }, maxHops: number, first: number): Statement {
  const hops = halvedHops(maxHops);
  const values = { ...hops, joinPaths: joinPaths(hops), bestPaths: fragment("statement/best-paths", {}, { first: neo4j.int(first) }) };
  const name = target.to !== null ? "statement/introduction-paths-to-person" : "statement/introduction-paths-to-company";
  const { text, params } = render(fragment(name, values, { from, ...target }));
  return { text, params: { ...params, workspace: scope.workspace }, personIds: [from, ...(target.to ? [target.to] : [])] };
}

/** For each person of `keys`, the strongest path of at most maxHops connections from `from`. */
export function strongestPaths(workspace: string, from: string, keys: string[], maxHops: number): Statement {
  const hops = halvedHops(maxHops);
  const strongestPath = fragment("common/strongest-path", { from: "from", to: "to", ...hops, joinPaths: joinPaths(hops), path: "path" }, {});
  const { text, params } = render(fragment("statement/strongest-paths", { strongestPath }, { from, keys }));
  return { text, params: { ...params, workspace }, personIds: [from] };
}

function joinPaths(hops: { leftHops: string; rightHops: string }): Cypher {
  return fragment("common/join-paths", hops, { minStrength: DEFAULT_MIN_STRENGTH });
}

/** A company segment's export: the companies a filter matches, each with its best-connected current employee. */
export function companiesExport(where: CompanyWhere, scope: Scope): Statement {
  const filter = compileCompanyWhere(where, "company", scope);
  return statement("statement/companies-export", filter, scope, { origin: viewerIdOf(scope) }, { reach: reachOfMatching(2, DEFAULT_MIN_STRENGTH) });
}

/** snapshotSegment: the people a filter matches now, frozen as the members of a new snapshot. */
export function snapshotPeople(where: PersonWhere, scope: Scope, ids: { segment: string; snapshot: string }, recordedBy: string): Statement {
  const filter = compilePersonWhere(where, "person", scope);
  return statement("statement/snapshot-people", filter, scope, { ...ids, recordedBy }, { carried: variableList(filter.carried) });
}

/** Snapshot.diff up to now: who matches now and is not a member (joined), or is a member and no longer matches (left). */
export function snapshotChange(side: "joined" | "left", where: PersonWhere, scope: Scope, snapshot: string): Statement {
  const filter = compilePersonWhere(where, "person", scope);
  return statement(side === "joined" ? "statement/snapshot-joined" : "statement/snapshot-left", filter, scope, { snapshot });
}

/**
 * A statement around a compiled filter: its prelude and predicate in their
 * slots, `values` in the others, rendered with one naming environment, with
 * the parameters every statement shares.
 */
export function statement(name: FragmentName, filter: Pick<CompiledFilter, "prelude" | "predicate" | "personIds">, scope: Scope, params: Params, values: Record<string, Part> = {}): Statement {
  const tree = fragment(name, { ...values, prelude: join(filter.prelude, "\n"), predicate: filter.predicate }, params);
  const rendered = render(tree);
  const tuning = { workspace: scope.workspace, shortlistFrom: neo4j.int(scope.shortlistFrom) };
  return { text: rendered.text, params: { ...rendered.params, ...tuning }, personIds: filter.personIds };
}
