/**
 * PersonWhere / CompanyWhere → one Cypher predicate, built from the fixed
 * fragments of cypher/filters, plus the prelude it needs (locations and the
 * anchor's nearby people found once per statement, not once per row; topic
 * ids come looked up, as parameters: topic-ids.ts), as a tree whose
 * names are given when the statement is rendered (tree.ts). Every condition
 * of a filter object must hold (AND); `AND`, `OR` and `NOT` combine whole
 * filters. The variable the predicate is about is given by the caller; the
 * viewer stands in for a missing connectedTo.person or near.person.
 */
import { MAX_HOPS } from "../bounds.js";
import { AppError, ErrorCode } from "../errors.js";
import { lower } from "../graph-document/normalize.js";
import { fragment, params } from "./fragments.js";
import { allOf, anyOf, firstUses } from "./canonical-order.js";
import { topicIdsOf, type TopicIds } from "./topic-ids.js";
import { cypher, Cypher, NULL, Param, Variable, type Part } from "./tree.js";
import type { CompanyWhere, ConnectedToFilter, PersonWhere } from "./types.js";

/** maxHops (1 to MAX_HOPS; 1 when not given) → the text of a variable-length bound; Cypher takes no parameter there. */
export function hopsBound(maxHops: number | null | undefined): string {
  return String(checkedHops(maxHops ?? 1));
}

/**
 * maxHops split for a search from both ends: ceil(maxHops / 2) links from
 * one end and floor(maxHops / 2) from the other, as variable-length bounds.
 */
export function halvedHops(maxHops: number): { leftHops: string; rightHops: string } {
  const hops = checkedHops(maxHops);
  return { leftHops: String(Math.ceil(hops / 2)), rightHops: String(Math.floor(hops / 2)) };
}

/**
 * The hops a connectedTo tested from both ends (person/connected-to-near)
 * walks from the tested person: the larger half of maxHops, the anchor's end
 * holding the smaller; all of them at 4, whose smaller half (two hops of a
 * well-connected person) is too many people to hold, so that it is tested
 * from the person's end alone.
 */
export function farHops(maxHops: number): number {
  const hops = checkedHops(maxHops);
  return hops <= 3 ? Math.ceil(hops / 2) : hops;
}

/** Only a whole number in range ever becomes statement text. */
function checkedHops(maxHops: number): number {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) throw new AppError(ErrorCode.BAD_USER_INPUT, `maxHops must be from 1 to ${MAX_HOPS}`);
  return maxHops;
}

/**
 * Who "me" is: the signed-in user's Person, null when there is none, and
 * undefined when the question was judged not to need the viewer (viewer.ts),
 * so it was not looked up.
 */
export interface Viewer {
  readonly viewerId: string | null | undefined;
}

/** What a filter needs looked up before it is compiled: the viewer, and the ids of the topics it names (topic-ids.ts). */
export interface Lookups extends Viewer {
  readonly topicIds: TopicIds;
}

/** The person a connectedTo or near starts from: the one given, else the viewer. */
export function startingPerson(given: string | null | undefined, viewer: Viewer): string {
  const id = given ?? viewerIdOf(viewer);
  if (id === null) throw new AppError(ErrorCode.BAD_USER_INPUT, "give a person to start from, or sign in");
  return id;
}

/** The viewer of a question that reads it; that it was not looked up is a mistake in viewer.ts. */
export function viewerIdOf(viewer: Viewer): string | null {
  if (viewer.viewerId === undefined) throw new Error("a question that reads the viewer was compiled without looking the viewer up");
  return viewer.viewerId;
}

export const DEFAULT_MIN_STRENGTH = 0;

const DEFAULT_MIN_WEIGHT = 0;

export type TopicBoundKind = "interested-in" | "engaged-with" | "expressed-concern";

/**
 * A condition on facts about topics (person/<kind>) that must hold for the
 * filtered person itself (not under OR or NOT) and names topics: a shortlist
 * step (shortlist.ts) can stand for it, reading the same parameters.
 */
export interface TopicCondition {
  kind: TopicBoundKind;
  /** The parameter holding the topic ids. */
  topics: Param;
  params: Record<string, Param>;
  /** The condition as it stands in the predicate. */
  test: Cypher;
}

export interface CompiledFilter {
  /** CALL subqueries to run before matching: each binds one of `carried`. */
  prelude: Cypher[];
  /** The prelude's variables, to carry through any WITH after it. */
  carried: Variable[];
  predicate: Cypher;
  /** Person ids the filter names (connectedTo.person, near.person), for a NOT_FOUND check. */
  personIds: string[];
  /** The conditions a shortlist step can stand for. */
  shortlistable: TopicCondition[];
}

export function compilePersonWhere(where: PersonWhere, subject: Part, lookups: Lookups): CompiledFilter {
  const builder = new FilterBuilder(lookups);
  return builder.result(builder.person(where, subject, true));
}

/** @param fromBothEnds whether each connectedTo is tested from both ends, for a statement that tests few companies (start-choice.ts) */
export function compileCompanyWhere(where: CompanyWhere, subject: Part, lookups: Lookups, fromBothEnds = false): CompiledFilter {
  const builder = new FilterBuilder(lookups, fromBothEnds);
  return builder.result(builder.company(where, subject));
}

/**
 * A company filter split at its top-level `employs`: the employee filter
 * (without its connectedTo, which the statement expands from) on `employee`,
 * and the rest of the company filter on `company`. One builder compiles both,
 * so they share the prelude; the shortlistable conditions are the employee's.
 */
export function compileEmployerOfReached(where: CompanyWhere, employee: Part, company: Part, lookups: Lookups): CompiledFilter & { employeePredicate: Cypher } {
  const { employs, ...companyRest } = where;
  const { connectedTo: _expandedFrom, ...employeeRest } = employs ?? {};
  const builder = new FilterBuilder(lookups);
  const employeePredicate = builder.person(employeeRest, employee, true);
  return { ...builder.result(builder.company(companyRest, company), [employeePredicate]), employeePredicate };
}

class FilterBuilder {
  private readonly prelude: Cypher[] = [];
  private readonly carried: Variable[] = [];
  private readonly personIds = new Set<string>();
  private readonly shortlistable: TopicCondition[] = [];

  constructor(private readonly lookups: Lookups, private readonly fromBothEnds = false) {}

  /**
   * @param predicate the predicate, after any others the statement renders before it (`before`): the
   * prelude and the shortlistable conditions are put in the order they first use them (canonical-order.ts)
   */
  result(predicate: Cypher, before: Cypher[] = []): CompiledFilter {
    const firstUse = firstUses([...before, predicate]);
    const prelude = this.prelude.map((call, i) => ({ call, variable: this.carried[i] as Variable }))
      .sort((a, b) => firstUse(a.variable) - firstUse(b.variable));
    const shortlistable = [...this.shortlistable].sort((a, b) => firstUse(a.test) - firstUse(b.test));
    return { prelude: prelude.map(({ call }) => call), carried: prelude.map(({ variable }) => variable), predicate, personIds: [...this.personIds], shortlistable };
  }

  /** @param topLevel whether the conditions must hold for `p` itself (not under OR or NOT), so a shortlist may stand for them */
  person(where: PersonWhere, p: Part, topLevel = false): Cypher {
    const parts: Cypher[] = [];
    if (where.connectedTo) parts.push(this.connectedTo(where.connectedTo, p));
    if (where.interestedIn) {
      const topics = this.topicSet(where.interestedIn.topics);
      parts.push(this.topicBound("interested-in", p, topics, topLevel, { minWeight: where.interestedIn.minWeight ?? DEFAULT_MIN_WEIGHT }));
    }
    if (where.engagedWith) {
      const e = where.engagedWith;
      parts.push(this.topicBound("engaged-with", p, this.optionalTopicSet(e.topics), topLevel, {
        kinds: e.contentKinds ?? null, actions: e.actions ?? null, withinDays: e.withinDays ?? null, minCount: e.minCount ?? 1,
      }));
    }
    if (where.expressedConcern) {
      const c = where.expressedConcern;
      parts.push(this.topicBound("expressed-concern", p, this.optionalTopicSet(c.topics), topLevel, {
        withinDays: c.withinDays ?? null, minSeverity: c.minSeverity ?? null, levels: c.levels ?? null, sources: c.sources ?? null,
      }));
    }
    if (where.worksAt) {
      const company = where.worksAt;
      parts.push(fragment("person/works-at", { person: p }, {}, (variable) => this.company(company, variable)));
    }
    if (where.near) {
      const near = where.near;
      const origin = near.latitude != null && near.longitude != null
        ? fragment("common/fixed-point", {}, { latitude: near.latitude, longitude: near.longitude })
        : this.personLocation(this.personId(near.person));
      parts.push(fragment("person/near", { person: p, origin }, { radiusKm: near.radiusKm }));
    }
    if (where.titleContains != null) parts.push(fragment("person/title-contains", { person: p }, { text: where.titleContains }));
    if (where.changedJobWithinDays != null) parts.push(fragment("person/changed-job", { person: p }, { days: where.changedJobWithinDays }));
    return this.combine(parts, where, (inner, mustHold) => this.person(inner, p, topLevel && mustHold));
  }

  /** Within some hops of a person, or with team of any user; never the person (or a user) themselves. */
  private connectedTo(connectedTo: ConnectedToFilter, p: Part): Cypher {
    const minStrength = connectedTo.minStrength ?? DEFAULT_MIN_STRENGTH;
    const hops = connectedTo.maxHops ?? 1;
    if (this.fromBothEnds && farHops(hops) < hops) return this.connectedFromBothEnds(connectedTo, p, hops, minStrength);
    if (connectedTo.team) return fragment("person/connected-to-team", { person: p, hops: hopsBound(connectedTo.maxHops) }, { minStrength });
    const anchor = this.personId(connectedTo.person);
    return fragment("person/connected-to", { person: p, hops: hopsBound(connectedTo.maxHops) }, { anchor, minStrength });
  }

  /** person/connected-to-near: the anchor's end (the smaller half of the hops) found once, in the prelude. */
  private connectedFromBothEnds(connectedTo: ConnectedToFilter, p: Part, hops: number, minStrength: number): Cypher {
    const near = new Variable("nearby_");
    const shared = params(connectedTo.team ? { minStrength } : { minStrength, anchor: this.personId(connectedTo.person) });
    const nearHops = String(hops - farHops(hops));
    this.prelude.push(fragment(connectedTo.team ? "common/near-team" : "common/near-anchor", { near, nearHops }, shared));
    this.carried.push(near);
    return fragment(connectedTo.team ? "person/connected-to-team-near" : "person/connected-to-near", { person: p, near, farHops: String(farHops(hops)) }, shared);
  }

  company(where: CompanyWhere, c: Part): Cypher {
    const parts: Cypher[] = [];
    const fields = {
      domains: where.domains?.map(lower) ?? null,
      industries: where.industries?.map(lower) ?? null,
      statuses: where.statuses ?? null,
      relationshipLevels: where.relationshipLevels ?? null,
      employeesMin: where.employeesMin ?? null,
      employeesMax: where.employeesMax ?? null,
    };
    if (Object.values(fields).some((value) => value !== null)) parts.push(fragment("company/fields", { company: c }, fields));
    if (where.hadEvent) {
      const e = where.hadEvent;
      parts.push(fragment("company/had-event", { company: c }, { types: e.types ?? null, fundingStages: e.fundingStages ?? null, withinDays: e.withinDays ?? null }));
    }
    if (where.employs) {
      const employs = where.employs;
      parts.push(fragment("company/employs", { company: c }, {}, (variable) => this.person(employs, variable)));
    }
    return this.combine(parts, where, (inner) => this.company(inner, c));
  }

  /**
   * The filter's own conditions and its AND list all hold, at least one of OR
   * (when given), and not NOT: flat and in canonical order (canonical-order.ts).
   */
  private combine<W extends { AND?: W[] | null; OR?: W[] | null; NOT?: W | null }>(parts: Cypher[], where: W, compile: (inner: W, mustHold: boolean) => Cypher): Cypher {
    const all = [...parts, ...(where.AND ?? []).map((inner) => compile(inner, true))];
    if (where.OR) all.push(anyOf(where.OR.map((inner) => compile(inner, false))));
    if (where.NOT) all.push(cypher`NOT (${compile(where.NOT, false)})`);
    return allOf(all);
  }

  /** A condition on facts about topics; at the top level and with topics given, a shortlist step may stand for it. */
  private topicBound(kind: TopicBoundKind, p: Part, topics: Param | null, topLevel: boolean, values: Record<string, unknown>): Cypher {
    const shared = params(values);
    const test = fragment(`person/${kind}`, { person: p, topics: topics ?? NULL }, shared);
    if (topLevel && topics !== null) this.shortlistable.push({ kind, topics, params: shared, test });
    return test;
  }

  private topicSet(names: string[]): Param {
    return new Param("topics", topicIdsOf(this.lookups.topicIds, names));
  }

  private optionalTopicSet(names: string[] | null | undefined): Param | null {
    return names == null ? null : this.topicSet(names);
  }

  private personLocation(personId: string): Variable {
    const location = new Variable("location_");
    this.prelude.push(fragment("common/person-location", { origin: location }, { person: personId }));
    this.carried.push(location);
    return location;
  }

  private personId(given: string | null | undefined): string {
    const id = startingPerson(given, this.lookups);
    this.personIds.add(id);
    return id;
  }
}
