/**
 * PersonWhere / CompanyWhere → one Cypher predicate, built from the fixed
 * fragments of cypher/filters, plus the prelude it needs (topic sets and
 * locations resolved once per statement, not once per row) and its
 * parameters. Every condition of a filter object must hold (AND); `AND`,
 * `OR` and `NOT` combine whole filters. The person variable the predicate is
 * about is given by the caller; the viewer stands in for a missing
 * connectedTo.person or near.person, and is read only then (see Viewer).
 */
import { AppError, ErrorCode } from "../errors.js";
import { instantiate, type FragmentName } from "./fragments.js";
import { shortlistedFlag, type Shortlisting, type ShortlistStep, type TopicBoundKind } from "./shortlist.js";
import type { CompanyWhere, PersonWhere } from "./types.js";

/** maxHops 1..4 → the text of a variable-length bound; Cypher takes no parameter there. */
const HOPS = ["1", "2", "3", "4"] as const;

export function hopsBound(maxHops: number | null | undefined): string {
  const bound = HOPS[(maxHops ?? 1) - 1];
  if (bound === undefined) throw new AppError(ErrorCode.BAD_USER_INPUT, `maxHops must be from 1 to ${HOPS.length}`);
  return bound;
}

/**
 * maxHops 1..4 split for a search from both ends: ceil(maxHops / 2) links from
 * one end and floor(maxHops / 2) from the other, as variable-length bounds.
 */
export function halvedHops(maxHops: number): { leftHops: string; rightHops: string } {
  const bound = Number(hopsBound(maxHops));
  const HALVES = ["0", "1", "2"] as const;
  return { leftHops: HALVES[Math.ceil(bound / 2)] as string, rightHops: HALVES[Math.floor(bound / 2)] as string };
}

/**
 * Who "me" is. Compilers read `viewerId` only where a filter starts at the
 * viewer, so a caller may supply it lazily (RequestContext.compile looks the
 * viewer up only for questions that read it).
 */
export interface Viewer {
  readonly viewerId: string | null;
}

/** The person a connectedTo or near starts from: the one given, else the viewer. */
export function startingPerson(given: string | null | undefined, viewer: Viewer): string {
  const id = given ?? viewer.viewerId;
  if (id == null) throw new AppError(ErrorCode.BAD_USER_INPUT, "give a person to start from, or sign in");
  return id;
}
export const DEFAULT_MIN_STRENGTH = 0;

const DEFAULT_MIN_WEIGHT = 0;

export interface CompiledFilter {
  /** CALL subqueries to run before matching: each binds one of `carried`. */
  prelude: string[];
  /** The prelude's variables, to carry through any WITH after it. */
  carried: string[];
  predicate: string;
  params: Record<string, unknown>;
  /** Person ids the filter names (connectedTo.person, near.person), for a NOT_FOUND check. */
  personIds: string[];
}

export function compilePersonWhere(where: PersonWhere, subject: string, viewer: Viewer): CompiledFilter {
  const builder = new FilterBuilder(viewer);
  const predicate = builder.person(where, subject, true);
  return builder.result(predicate);
}

/**
 * A person filter for a statement that reaches `subject` by expanding from a
 * person: the filter, and the same filter compiled for shortlisting
 * (src/filters/shortlist.ts). Both builders number their fragments alike, so
 * the two predicates share the prelude and the parameters.
 */
export function compileReachedPersonWhere(where: PersonWhere, subject: string, viewer: Viewer): CompiledFilter & { shortlisting: Shortlisting } {
  const builder = new FilterBuilder(viewer);
  const predicate = builder.person(where, subject, true);
  return { ...builder.result(predicate), shortlisting: compileShortlisting(builder, predicate, where, subject, viewer) };
}

/** The second compilation, with flags, only when the first found a condition to shortlist by. */
function compileShortlisting(plain: FilterBuilder, predicate: string, where: PersonWhere, subject: string, viewer: Viewer): Shortlisting {
  if (plain.steps.length === 0) return { predicate, steps: [] };
  const builder = new FilterBuilder(viewer, true);
  return { predicate: builder.person(where, subject, true), steps: builder.steps };
}

export function compileCompanyWhere(where: CompanyWhere, subject: string, viewer: Viewer): CompiledFilter {
  const builder = new FilterBuilder(viewer);
  const predicate = builder.company(where, subject);
  return builder.result(predicate);
}

/**
 * A company filter split at its top-level `employs`: the employee filter
 * (without its connectedTo, which the statement expands from) on `employee`,
 * and the rest of the company filter on `company`. One builder compiles both,
 * so their variables and parameters never clash.
 */
export function compileEmployerOfReached(where: CompanyWhere, employee: string, company: string, viewer: Viewer): CompiledFilter & { employeePredicate: string; shortlisting: Shortlisting } {
  const { employs, ...companyRest } = where;
  const { connectedTo: _expandedFrom, ...employeeRest } = employs ?? {};
  const builder = new FilterBuilder(viewer);
  const employeePredicate = builder.person(employeeRest, employee, true);
  const shortlisting = compileShortlisting(builder, employeePredicate, employeeRest, employee, viewer);
  return { ...builder.result(builder.company(companyRest, company)), employeePredicate, shortlisting };
}

class FilterBuilder {
  private next = 0;
  private readonly prelude: string[] = [];
  private readonly carried: string[] = [];
  private readonly params: Record<string, unknown> = {};
  private readonly personIds = new Set<string>();
  /** The top-level topic conditions a shortlist step can stand for. */
  readonly steps: ShortlistStep[] = [];

  constructor(private readonly viewer: Viewer, private readonly shortlisting = false) {}

  result(predicate: string): CompiledFilter {
    return { prelude: this.prelude, carried: this.carried, predicate, params: this.params, personIds: [...this.personIds] };
  }

  /** @param topLevel whether the condition must hold for `p` itself (not under OR or NOT), so a shortlist may stand for it */
  person(where: PersonWhere, p: string, topLevel = false): string {
    const parts: string[] = [];
    if (where.connectedTo) {
      const anchor = this.personId(where.connectedTo.person);
      const hops = hopsBound(where.connectedTo.maxHops);
      parts.push(this.fragment("person/connected-to", { person: p, hops }, { anchor, minStrength: where.connectedTo.minStrength ?? DEFAULT_MIN_STRENGTH }));
    }
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
      parts.push(this.fragment("person/works-at", { person: p }, {}, (variable) => this.company(company, variable)));
    }
    if (where.near) {
      const near = where.near;
      const origin = near.latitude != null && near.longitude != null
        ? this.fixedPoint(near.latitude, near.longitude)
        : this.personLocation(this.personId(near.person));
      parts.push(this.fragment("person/near", { person: p, origin }, { radiusKm: near.radiusKm }));
    }
    if (where.titleContains != null) parts.push(this.fragment("person/title-contains", { person: p }, { text: where.titleContains }));
    if (where.changedJobWithinDays != null) parts.push(this.fragment("person/changed-job", { person: p }, { days: where.changedJobWithinDays }));
    return this.combine(parts, where, (inner, mustHold) => this.person(inner, p, topLevel && mustHold));
  }

  company(where: CompanyWhere, c: string): string {
    const parts: string[] = [];
    const fields = {
      domains: where.domains?.map((d) => d.trim().toLowerCase()) ?? null,
      industries: where.industries?.map((i) => i.trim().toLowerCase()) ?? null,
      statuses: where.statuses ?? null,
      relationshipLevels: where.relationshipLevels ?? null,
      employeesMin: where.employeesMin ?? null,
      employeesMax: where.employeesMax ?? null,
    };
    if (Object.values(fields).some((value) => value !== null)) parts.push(this.fragment("company/fields", { company: c }, fields));
    if (where.hadEvent) {
      const e = where.hadEvent;
      parts.push(this.fragment("company/had-event", { company: c }, { types: e.types ?? null, fundingStages: e.fundingStages ?? null, withinDays: e.withinDays ?? null }));
    }
    if (where.employs) {
      const employs = where.employs;
      parts.push(this.fragment("company/employs", { company: c }, {}, (variable) => this.person(employs, variable)));
    }
    return this.combine(parts, where, (inner) => this.company(inner, c));
  }

  /** The filter's own conditions and its AND list all hold, at least one of OR (when given), and not NOT. */
  private combine<W extends { AND?: W[] | null; OR?: W[] | null; NOT?: W | null }>(parts: string[], where: W, compile: (inner: W, mustHold: boolean) => string): string {
    const all = [...parts, ...(where.AND ?? []).map((inner) => compile(inner, true))];
    if (where.OR) all.push(where.OR.length === 0 ? "false" : `(${where.OR.map((inner) => compile(inner, false)).join(" OR ")})`);
    if (where.NOT) all.push(`NOT (${compile(where.NOT, false)})`);
    return all.length === 0 ? "true" : all.length === 1 ? (all[0] as string) : `(${all.join(" AND ")})`;
  }

  private fragment(name: FragmentName, values: Record<string, string>, params: Record<string, unknown>, nested?: (variable: string) => string): string {
    const instance = instantiate(name, this.next++, values, params, nested);
    Object.assign(this.params, instance.params);
    return instance.text;
  }

  /**
   * A condition on facts about topics (person/<kind>). At the top level and
   * with topics given, it can have a shortlist step of the same instance, so
   * both read the same parameters; when shortlisting, it is tested only for
   * people the step was not taken for.
   */
  private topicBound(kind: TopicBoundKind, p: string, topics: string, topLevel: boolean, params: Record<string, unknown>): string {
    const step = { kind, id: this.next, topics, params };
    const test = this.fragment(`person/${kind}`, { person: p, topics }, params);
    if (!topLevel || topics === "null") return test;
    this.steps.push(step);
    return this.shortlisting ? `(${shortlistedFlag(step)} OR ${test})` : test;
  }

  private topicSet(names: string[]): string {
    const variable = `topics_${this.next}`;
    this.prelude.push(this.fragment("common/topic-set", { topics: variable }, { names: names.map((n) => n.trim().toLowerCase()) }));
    this.carried.push(variable);
    return variable;
  }

  private optionalTopicSet(names: string[] | null | undefined): string {
    return names == null ? "null" : this.topicSet(names);
  }

  private personLocation(personId: string): string {
    const variable = `origin_${this.next}`;
    this.prelude.push(this.fragment("common/person-location", { origin: variable }, { person: personId }));
    this.carried.push(variable);
    return variable;
  }

  private fixedPoint(latitude: number, longitude: number): string {
    return this.fragment("common/fixed-point", {}, { latitude, longitude });
  }

  private personId(given: string | null | undefined): string {
    const id = startingPerson(given, this.viewer);
    this.personIds.add(id);
    return id;
  }
}
