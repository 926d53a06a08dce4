/**
 * Whole statements for the list fields: a compiled filter put into the page
 * or count statement of its root field (cypher/filters/statement). Pages are
 * keyset-paginated on (sort value, natural key) in the order asked for
 * (ordering.ts), so a page never repeats or skips a row when earlier pages'
 * rows change position.
 */
import neo4j from "neo4j-driver";
import type { Params } from "../db/run.js";
import { compileCompanyWhere, compileEmployerOfReached, compilePersonWhere, compileReachedPersonWhere, DEFAULT_MIN_STRENGTH, halvedHops, hopsBound, startingPerson, type CompiledFilter, type Viewer } from "./compile.js";
import { FragmentInstances, instantiate, variableList, type FragmentName, type Instance } from "./fragments.js";
import { orderTexts, type Order, type PageKey } from "./ordering.js";
import { reachOfMatching } from "./reach.js";
import { matchedText, type Shortlisting } from "./shortlist.js";
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
function people(reachedName: FragmentName, plainName: FragmentName, where: PersonWhere, scope: Scope, params: Params, texts: Record<string, string>): Statement {
  const { connectedTo, ...rest } = where;
  const filter = compileReachedPersonWhere(rest, "person", scope);
  if (!connectedTo && filter.shortlisting.steps.length === 0) return statement(plainName, filter, scope, params, texts);
  return reachedStatement(reachedName, filter, filter.predicate, connectedTo, scope, params, texts);
}

/**
 * A `*-reached` statement: the people to test come as rows from
 * reachedPeople, and matchedText keeps those `predicate` holds for.
 */
function reachedStatement(
  name: FragmentName, filter: CompiledFilter & { shortlisting: Shortlisting }, predicate: string,
  connectedTo: ConnectedToFilter | null | undefined, scope: Scope, params: Params, texts: Record<string, string>,
): Statement {
  const reached = reachedPeople(connectedTo, scope);
  const values = {
    ...texts,
    reached: reached.text,
    carried: variableList(filter.carried),
    matched: matchedText(predicate, filter.shortlisting, filter.carried, STATEMENT_INSTANCE + 3),
  };
  const withReached = { ...filter, params: { ...filter.params, ...reached.params }, personIds: [...new Set([...reached.personIds, ...filter.personIds])] };
  return statement(name, withReached, scope, params, values);
}

/** The rows of `person` a statement tests: the people connectedTo reaches, or everyone in the workspace. */
function reachedPeople(connectedTo: ConnectedToFilter | null | undefined, viewer: Viewer): Instance & { personIds: string[] } {
  if (!connectedTo) return { ...instantiate("common/everyone", REACHED_INSTANCE, {}, {}), personIds: [] };
  const anchor = startingPerson(connectedTo.person, viewer);
  const params = { anchor, minStrength: connectedTo.minStrength ?? DEFAULT_MIN_STRENGTH };
  return { ...instantiate("common/reached-from-anchor", REACHED_INSTANCE, { hops: hopsBound(connectedTo.maxHops) }, params), personIds: [anchor] };
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
function companies(reachedName: FragmentName, plainName: FragmentName, where: CompanyWhere, scope: Scope, params: Params, texts: Record<string, string>): Statement {
  const connectedTo = where.employs?.connectedTo;
  const filter = where.employs ? compileEmployerOfReached(where, "person", "company", scope) : null;
  if (!filter || (!connectedTo && filter.shortlisting.steps.length === 0)) {
    return statement(plainName, compileCompanyWhere(where, "company", scope), scope, params, texts);
  }
  return reachedStatement(reachedName, filter, filter.employeePredicate, connectedTo, scope, params, texts);
}

/** Introductions from one person to another, or to anyone at a company (exactly one of `to` and `toCompany`). */
export function introductionPaths(scope: Scope, from: string, target: { to: string | null; toCompany: string | null }, maxHops: number, first: number): Statement {
  const hops = halvedHops(maxHops);
  const join = joinPaths(hops);
  const best = instantiate("statement/best-paths", STATEMENT_INSTANCE + 2, {}, { first: neo4j.int(first) });
  const name = target.to !== null ? "statement/introduction-paths-to-person" : "statement/introduction-paths-to-company";
  const instance = instantiate(name, STATEMENT_INSTANCE, { ...hops, joinPaths: join.text, bestPaths: best.text }, { from, ...target });
  return {
    text: instance.text,
    params: { ...join.params, ...best.params, ...instance.params, workspace: scope.workspace },
    personIds: [from, ...(target.to ? [target.to] : [])],
  };
}

/** For each person of `keys`, the strongest path of at most maxHops connections from `from`. */
export function strongestPaths(workspace: string, from: string, keys: string[], maxHops: number): Statement {
  const hops = halvedHops(maxHops);
  const join = joinPaths(hops);
  const path = instantiate("common/strongest-path", STATEMENT_INSTANCE + 2, { from: "from", to: "to", ...hops, joinPaths: join.text, path: "path" }, {});
  const instance = instantiate("statement/strongest-paths", STATEMENT_INSTANCE, { strongestPath: path.text }, { from, keys });
  return { text: instance.text, params: { ...join.params, ...instance.params, workspace }, personIds: [from] };
}

function joinPaths(hops: { leftHops: string; rightHops: string }) {
  return instantiate("common/join-paths", STATEMENT_INSTANCE + 1, hops, { minStrength: DEFAULT_MIN_STRENGTH });
}

/** A company segment's export: the companies a filter matches, each with its best-connected current employee. */
export function companiesExport(where: CompanyWhere, scope: Scope): Statement {
  const filter = compileCompanyWhere(where, "company", scope);
  const parts = new FragmentInstances(STATEMENT_INSTANCE + 1);
  const reach = reachOfMatching(parts, 2, DEFAULT_MIN_STRENGTH);
  const exported = statement("statement/companies-export", filter, scope, { origin: scope.viewerId }, { reach });
  return { ...exported, params: { ...exported.params, ...parts.params } };
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

/** The statement's own parameters get an instance prefix like any fragment's; the filter's are merged in. */
function statement(name: FragmentName, filter: CompiledFilter, scope: Scope, params: Params, values: Record<string, string> = {}): Statement {
  const prelude = filter.prelude.join("\n");
  const instance = instantiate(name, STATEMENT_INSTANCE, { ...values, prelude, predicate: filter.predicate }, params);
  const tuning = { workspace: scope.workspace, shortlistFrom: neo4j.int(scope.shortlistFrom) };
  return { text: instance.text, params: { ...filter.params, ...instance.params, ...tuning }, personIds: filter.personIds };
}

/** An instance number no fragment of a filter reaches, so the statement's parameters never clash with theirs. */
const STATEMENT_INSTANCE = 1_000_000;
/** The instance of the fragment that gives a statement its rows of people (reachedPeople). */
const REACHED_INSTANCE = STATEMENT_INSTANCE + 4;
