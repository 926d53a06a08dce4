/**
 * Random PersonWhere trees for the differential test, from a seeded stream: up
 * to three levels of nesting (AND, OR, NOT, worksAt → CompanyWhere, employs →
 * PersonWhere), every kind of condition, with values drawn from the graph
 * itself so that conditions select some people and not others: topic names
 * and aliases in random case (and some unknown names), people's ids (or our
 * team, for connectedTo), titles, domains, industries, headcounts and windows
 * of days.
 *
 * `near` radii are redrawn until no located person is within 0.1% of the
 * radius from the centre, so rounding in either side's distance cannot flip an answer.
 */
import { Random } from "../../seed/generator/random.js";
import {
  COMPANY_STATUSES, CONCERN_LEVELS, CONCERN_SOURCES, CONTENT_KINDS, ENGAGEMENT_ACTIONS, EVENT_TYPES, FUNDING_STAGES, RELATIONSHIP_LEVELS,
} from "../../src/graph-document/schema.js";
import type { CompanyWhere, PersonWhere } from "../../src/filters/types.js";
import type { NormalizedDocument } from "../../src/graph-document/normalize.js";
import { distanceKm, type LatLon } from "../support/in-memory/evaluator.js";

export const MAX_DEPTH = 3;
const RADIUS_TOLERANCE = 0.001;
const UNKNOWN_TOPICS = ["Quantum Basket Weaving", "crm2", "Churnn", "sales"];
const WINDOWS = [0, 1, 7, 14, 30, 45, 60, 90, 120, 180, 270, 365, 500, 800];
/** How often connectedTo starts from our team rather than from a person or the viewer. */
const TEAM_SHARE = 0.2;

export interface RandomWhereOptions {
  /** Every person of the graph, with their id in the service. */
  people: readonly { id: string; email: string; location?: LatLon }[];
  /** Where the viewer lives: the centre of a near that leaves out the person. */
  viewerLocation?: LatLon;
  /** How often connectedTo and near leave out the person, meaning the viewer. */
  defaultViewerShare?: number;
  /** The name of the random stream (with the seed): one per list of filters, so each list reproduces on its own. */
  stream?: string;
}

type PersonCondition = (where: PersonWhere, depth: number) => void;
type CompanyCondition = (where: CompanyWhere, depth: number) => void;

export class RandomWhere {
  private readonly random: Random;
  private readonly topicNames: string[];
  private readonly titleWords: string[];
  private readonly domains: string[];
  private readonly industries: string[];
  private readonly headcounts: number[];
  private readonly located: LatLon[];

  constructor(doc: NormalizedDocument, seed: number, private readonly options: RandomWhereOptions) {
    this.random = new Random(seed, options.stream ?? "differential-where");
    this.topicNames = doc.topics.flatMap((t) => [t.name, ...(t.aliases ?? [])]);
    this.titleWords = [...new Set(doc.people.flatMap((p) => (p.title ?? "").split(/\s+/)).filter((word) => word.length > 1))];
    this.domains = doc.companies.map((c) => c.key);
    this.industries = [...new Set(doc.companies.flatMap((c) => (c.industry ? [c.industry] : [])))];
    this.headcounts = doc.companies.flatMap((c) => (c.employees === undefined ? [] : [c.employees])).sort((a, b) => a - b);
    this.located = options.people.flatMap((p) => (p.location ? [p.location] : []));
  }

  /** A whole filter: a top-level connectedTo (which the service answers by expanding from the person) in about a third. */
  next(): PersonWhere {
    const where = this.person(MAX_DEPTH);
    if (this.random.chance(0.3) && !where.connectedTo) this.connectedTo(where);
    return where;
  }

  /** A whole company filter: a top-level employs.connectedTo (which the service may answer by expanding from the person) in about half. */
  nextCompany(): CompanyWhere {
    const where = this.company(MAX_DEPTH);
    if (this.random.chance(0.5)) {
      where.employs ??= {};
      if (!where.employs.connectedTo) this.connectedTo(where.employs);
    }
    return where;
  }

  person(depth: number): PersonWhere {
    const where: PersonWhere = {};
    const conditions: [PersonCondition, number][] = [
      [(w) => this.connectedTo(w), 2],
      [(w) => (w.interestedIn = { topics: this.topics(), ...(this.random.chance(0.5) && { minWeight: this.random.unit(0, 1) }) }), 3],
      [(w) => this.engagedWith(w), 3],
      [(w) => this.expressedConcern(w), 3],
      [(w, d) => (w.worksAt = this.company(d - 1)), depth > 0 ? 2 : 0],
      [(w) => this.near(w), 2],
      [(w) => (w.titleContains = this.titleText()), 2],
      [(w) => (w.changedJobWithinDays = this.jobWindow()), 1],
    ];
    const combined = depth > 0 && this.random.chance(0.4);
    const count = this.random.weighted<number>([[0, combined ? 4 : 0], [1, 7], [2, 2], [3, 0.3]]);
    for (let n = 0; n < count; n++) this.random.weighted(conditions.filter(([, weight]) => weight > 0))(where, depth);
    if (combined) {
      const inner = () => this.person(depth - 1);
      const kind = this.random.weighted<"AND" | "OR" | "NOT">([["AND", 2], ["OR", 3], ["NOT", 3]]);
      if (kind === "NOT") where.NOT = inner();
      else where[kind] = Array.from({ length: this.random.weighted([[0, 0.1], [1, 1], [2, 3], [3, 0.5]]) }, inner);
    }
    return where;
  }

  company(depth: number): CompanyWhere {
    const where: CompanyWhere = {};
    const conditions: [CompanyCondition, number][] = [
      [(w) => (w.domains = this.domainList()), 1],
      [(w) => (w.industries = this.industryList()), 2],
      [(w) => (w.statuses = this.some(COMPANY_STATUSES, 1, 2)), 2],
      [(w) => (w.relationshipLevels = this.some(RELATIONSHIP_LEVELS, 1, 3)), 2],
      [(w) => this.headcount(w), 2],
      [(w) => this.hadEvent(w), 3],
      [(w, d) => (w.employs = this.person(d - 1)), depth > 0 ? 3 : 0],
    ];
    const combined = depth > 0 && this.random.chance(0.3);
    const count = this.random.weighted<number>([[0, combined ? 2 : 0], [1, 7], [2, 2]]);
    for (let n = 0; n < count; n++) this.random.weighted(conditions.filter(([, weight]) => weight > 0))(where, depth);
    if (combined) {
      const inner = () => this.company(depth - 1);
      const kind = this.random.weighted<"AND" | "OR" | "NOT">([["AND", 1], ["OR", 2], ["NOT", 2]]);
      if (kind === "NOT") where.NOT = inner();
      else where[kind] = Array.from({ length: this.random.int(1, 2) }, inner);
    }
    return where;
  }

  /**
   * The same filter with every value drawn afresh, keeping what decides the
   * statement's text: the conditions present, the nesting, maxHops, whether
   * connectedTo starts from the team, whether engagedWith and
   * expressedConcern name topics, and whether near has coordinates. Neo4j caches a plan per statement text and planning a new
   * filter shape costs far more than running it on a small graph, so several
   * variants of one shape test many answers for one plan.
   */
  variant(where: PersonWhere): PersonWhere {
    const out: PersonWhere = {};
    if (where.connectedTo) {
      this.connectedTo(out, where.connectedTo.team ? "team" : "person");
      const { maxHops, ...rest } = out.connectedTo!;
      out.connectedTo = { ...rest, ...(where.connectedTo.maxHops != null && { maxHops: where.connectedTo.maxHops }) };
    }
    if (where.interestedIn) out.interestedIn = { topics: this.topics(), ...(this.random.chance(0.5) && { minWeight: this.random.unit(0, 1) }) };
    if (where.engagedWith) {
      this.engagedWith(out);
      const { topics, ...rest } = out.engagedWith!;
      out.engagedWith = { ...rest, ...(where.engagedWith.topics != null && { topics: topics ?? this.topics() }) };
    }
    if (where.expressedConcern) {
      this.expressedConcern(out);
      const { topics, ...rest } = out.expressedConcern!;
      out.expressedConcern = { ...rest, ...(where.expressedConcern.topics != null && { topics: topics ?? this.topics() }) };
    }
    if (where.worksAt) out.worksAt = this.companyVariant(where.worksAt);
    if (where.near) this.near(out, where.near.latitude != null ? "point" : "person");
    if (where.titleContains != null) out.titleContains = this.titleText();
    if (where.changedJobWithinDays != null) out.changedJobWithinDays = this.jobWindow();
    if (where.AND) out.AND = where.AND.map((inner) => this.variant(inner));
    if (where.OR) out.OR = where.OR.map((inner) => this.variant(inner));
    if (where.NOT) out.NOT = this.variant(where.NOT);
    return out;
  }

  companyVariant(where: CompanyWhere): CompanyWhere {
    const out: CompanyWhere = {};
    if (where.domains) out.domains = this.domainList();
    if (where.industries) out.industries = this.industryList();
    if (where.statuses) out.statuses = this.some(COMPANY_STATUSES, 1, 2);
    if (where.relationshipLevels) out.relationshipLevels = this.some(RELATIONSHIP_LEVELS, 1, 3);
    if (where.employeesMin != null || where.employeesMax != null) {
      this.headcount(out);
      // Any bounds given compile to the same statement: they are parameters.
    }
    if (where.hadEvent) this.hadEvent(out);
    if (where.employs) out.employs = this.variant(where.employs);
    if (where.AND) out.AND = where.AND.map((inner) => this.companyVariant(inner));
    if (where.OR) out.OR = where.OR.map((inner) => this.companyVariant(inner));
    if (where.NOT) out.NOT = this.companyVariant(where.NOT);
    return out;
  }

  /** @param from the team, or a person (the viewer, sometimes); drawn when not given */
  private connectedTo(where: PersonWhere, from?: "team" | "person"): void {
    const team = from === undefined ? this.random.chance(TEAM_SHARE) : from === "team";
    where.connectedTo = {
      ...(team ? { team: true } : !this.random.chance(this.options.defaultViewerShare ?? 0.15) && { person: this.random.pick(this.options.people).id }),
      ...(this.random.chance(0.85) && { maxHops: this.random.weighted([[1, 4], [2, 3], [3, 2]]) }),
      ...(this.random.chance(0.6) && { minStrength: this.random.pick([0, 0.2, 0.3, 0.45, 0.5, 0.6, 0.75, 0.9]) }),
    };
  }

  private engagedWith(where: PersonWhere): void {
    where.engagedWith = {
      ...(this.random.chance(0.6) && { topics: this.topics() }),
      ...(this.random.chance(0.4) && { contentKinds: this.some(CONTENT_KINDS, 1, 3) }),
      ...(this.random.chance(0.35) && { actions: this.some(ENGAGEMENT_ACTIONS, 1, 3) }),
      ...(this.random.chance(0.5) && { withinDays: this.window() }),
      ...(this.random.chance(0.35) && { minCount: this.random.int(1, 6) }),
    };
  }

  private expressedConcern(where: PersonWhere): void {
    where.expressedConcern = {
      ...(this.random.chance(0.6) && { topics: this.topics() }),
      ...(this.random.chance(0.5) && { withinDays: this.window() }),
      ...(this.random.chance(0.35) && { minSeverity: this.random.int(1, 5) }),
      ...(this.random.chance(0.35) && { levels: this.some(CONCERN_LEVELS, 1, 3) }),
      ...(this.random.chance(0.3) && { sources: this.some(CONCERN_SOURCES, 1, 4) }),
    };
  }

  private hadEvent(where: CompanyWhere): void {
    where.hadEvent = {
      ...(this.random.chance(0.6) && { types: this.some(EVENT_TYPES, 1, 3) }),
      ...(this.random.chance(0.35) && { fundingStages: this.some(FUNDING_STAGES, 1, 4) }),
      ...(this.random.chance(0.6) && { withinDays: this.window() }),
    };
  }

  private headcount(where: CompanyWhere): void {
    const quantile = () => this.headcounts[Math.floor(this.random.next() * this.headcounts.length)] ?? 100;
    const [low, high] = [quantile(), quantile()].sort((a, b) => a - b) as [number, number];
    const which = this.random.int(0, 2);
    if (which !== 1) where.employeesMin = low;
    if (which !== 0) where.employeesMax = high;
  }

  private near(where: PersonWhere, mode?: "point" | "person"): void {
    const byPerson = mode === undefined ? this.random.chance(0.6) : mode === "person";
    const person = byPerson && !this.random.chance(this.options.defaultViewerShare ?? 0.15) ? this.random.pick(this.options.people) : undefined;
    const centre: LatLon | undefined = byPerson
      ? (person ? person.location : this.options.viewerLocation)
      : this.jitter(this.random.pick(this.located.length > 0 ? this.located : [{ latitude: 0, longitude: 0 }]));
    let radiusKm = 0;
    for (let attempt = 0; attempt < 50; attempt++) {
      radiusKm = Math.round(10 ** this.random.unit(0, 3.8) * 1000) / 1000;
      if (!centre || this.located.every((p) => Math.abs(distanceKm(p, centre) - radiusKm) > RADIUS_TOLERANCE * radiusKm)) break;
    }
    where.near = byPerson
      ? { ...(person && { person: person.id }), radiusKm }
      : { latitude: centre!.latitude, longitude: centre!.longitude, radiusKm };
  }

  private jitter(point: LatLon): LatLon {
    const round = (value: number) => Math.round(value * 10_000) / 10_000;
    return {
      latitude: round(Math.max(-89, Math.min(89, point.latitude + (this.random.next() - 0.5) * 2))),
      longitude: round(Math.max(-179, Math.min(179, point.longitude + (this.random.next() - 0.5) * 2))),
    };
  }

  private titleText(): string {
    if (this.random.chance(0.1)) return this.random.pick(["zz", "Astronaut", " "]);
    const word = this.random.pick(this.titleWords.length > 0 ? this.titleWords : ["Manager"]);
    const start = this.random.int(0, Math.max(0, word.length - 3));
    return this.randomCase(word.slice(start, start + this.random.int(3, word.length)));
  }

  private topics(): string[] {
    return Array.from({ length: this.random.weighted([[1, 5], [2, 2], [3, 1]]) }, () =>
      this.random.chance(0.1) ? this.random.pick(UNKNOWN_TOPICS) : this.randomCase(this.random.pick(this.topicNames)));
  }

  private domainList(): string[] {
    return this.some(this.domains, 1, 12).map((d) => this.randomCase(d)).concat(this.random.chance(0.2) ? ["nowhere.example"] : []);
  }

  private industryList(): string[] {
    return this.some(this.industries, 1, 5).map((i) => this.randomCase(i)).concat(this.random.chance(0.2) ? ["Underwater Basketry"] : []);
  }

  private jobWindow(): number {
    return this.random.chance(0.7) ? this.random.pick([30, 90, 180, 365, 730, 1500, 3000]) : this.random.int(0, 3650);
  }

  private window(): number {
    return this.random.chance(0.7) ? this.random.pick(WINDOWS) : this.random.int(0, 730);
  }

  /** Between min and max distinct items. */
  private some<T>(items: readonly T[], min: number, max: number): T[] {
    const wanted = Math.min(items.length, this.random.int(min, max));
    const chosen = new Set<T>();
    while (chosen.size < wanted) chosen.add(this.random.pick(items));
    return [...chosen];
  }

  private randomCase(text: string): string {
    switch (this.random.int(0, 3)) {
      case 0: return text;
      case 1: return text.toLowerCase();
      case 2: return text.toUpperCase();
      default: return [...text].map((ch) => (this.random.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase())).join("");
    }
  }
}
