/**
 * The oracle of the differential test: PersonWhere and CompanyWhere evaluated
 * in memory over a *normalised* graph document (src/graph-document/normalize.ts:
 * emails and domains lower-cased, topic references resolved to topic keys,
 * every date a UTC instant, default strengths and weights filled in).
 *
 * It is written from the filter language's description in schema.graphql, not
 * from the Cypher in cypher/filters, and deliberately plain: every condition is
 * a loop over the document's records, two-valued (a missing value never
 * matches a condition, so NOT of it holds), with no cleverness to get wrong.
 *
 *  - Topic names match case-insensitively by name or alias and take in every
 *    narrower topic, transitively.
 *  - connectedTo: people within maxHops (default 1) connections of the person
 *    (default the viewer, given to the evaluator), every connection on the way at least minStrength
 *    (default 0) strong; never that person themselves. With team: within reach of
 *    any user of the document, every connection at least minStrength strong;
 *    never a user.
 *  - engagedWith: at least minCount (default 1) engagements that each meet every
 *    condition given; expressedConcern: at least one concern meeting them all.
 *  - withinDays counts back from now: an instant t is within N days when
 *    now − N × 24 h ≤ t ≤ now.
 *  - Employment counts while current: no `until`, or `until` after now.
 *  - near: geographic distance (the haversine on Neo4j's sphere) ≤ radiusKm,
 *    from the coordinates given or from a person's location (default the viewer's).
 */
import type { CompanyWhere, PersonWhere } from "../../../src/filters/types.js";
import type { NormalizedDocument } from "../../../src/graph-document/normalize.js";

type Doc = NormalizedDocument;
type Person = Doc["people"][number];
type Company = Doc["companies"][number];
type Engagement = Doc["engagements"][number];
type Concern = Doc["concerns"][number];
type CompanyEvent = Doc["events"][number];
type Content = Doc["content"][number];
export interface LatLon { latitude: number; longitude: number }

const DAY_MS = 86_400_000;
/** Neo4j's point.distance for WGS-84 2D points: the haversine formula on a sphere of this radius (metres). */
export const NEO4J_EARTH_RADIUS_M = 6_378_140;
/** connectedTo's default: no bound on the strength (a connection without one counts as 0.5, which normalisation fills in). */
const DEFAULT_MIN_STRENGTH = 0;

export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return (2 * NEO4J_EARTH_RADIUS_M * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h))) / 1000;
}

/** A small index of the document: records by key, and each person's records. */
export class DocumentIndex {
  readonly people = new Map<string, Person>();
  readonly companies = new Map<string, Company>();
  readonly content = new Map<string, Content>();
  readonly engagementsOf = new Map<string, Engagement[]>();
  readonly concernsOf = new Map<string, Concern[]>();
  readonly eventsOf = new Map<string, CompanyEvent[]>();
  /** Each person's connections: the other person and the strength. */
  readonly neighbours = new Map<string, { other: string; strength: number }[]>();
  /** A topic's key → the keys of the topics one level narrower. */
  readonly narrower = new Map<string, string[]>();
  readonly topics: Doc["topics"];
  /** The emails of the people who can sign in: the team. */
  readonly users: ReadonlySet<string>;

  constructor(readonly doc: Doc) {
    this.topics = doc.topics;
    this.users = new Set(doc.users.map((user) => user.email));
    for (const person of doc.people) this.people.set(person.key, person);
    for (const company of doc.companies) this.companies.set(company.key, company);
    for (const item of doc.content) this.content.set(item.url, item);
    for (const engagement of doc.engagements) push(this.engagementsOf, engagement.person, engagement);
    for (const concern of doc.concerns) push(this.concernsOf, concern.person, concern);
    for (const event of doc.events) push(this.eventsOf, event.company, event);
    for (const { a, b, strength } of doc.connections) {
      push(this.neighbours, a, { other: b, strength });
      push(this.neighbours, b, { other: a, strength });
    }
    for (const topic of doc.topics) for (const broader of topic.broader ?? []) push(this.narrower, broader, topic.key);
  }

  /** The keys of the topics the names mean: by name or alias, any case, and every topic narrower than those, transitively. */
  topicSet(names: readonly string[]): Set<string> {
    const wanted = new Set(names.map((name) => name.trim().toLowerCase()));
    const roots = this.topics.filter((t) => wanted.has(t.key) || (t.aliases ?? []).some((alias) => wanted.has(alias.toLowerCase())));
    const found = new Set<string>();
    const visit = (key: string) => {
      if (found.has(key)) return;
      found.add(key);
      for (const child of this.narrower.get(key) ?? []) visit(child);
    };
    for (const root of roots) visit(root.key);
    return found;
  }

  /** Everyone within maxHops connections of `start`, each at least minStrength strong (breadth-first), without `start`. */
  reachable(start: string, maxHops: number, minStrength: number): Set<string> {
    const seen = new Set([start]);
    let frontier = [start];
    for (let hop = 1; hop <= maxHops; hop++) {
      const next: string[] = [];
      for (const person of frontier) {
        for (const { other, strength } of this.neighbours.get(person) ?? []) {
          if (strength >= minStrength && !seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    seen.delete(start);
    return seen;
  }

  /**
   * For everyone within maxHops connections of `start` (each at least
   * minStrength strong), the strength of the strongest path: the product of
   * its connections' strengths. Strengths are at most 1, so a walk that comes
   * back on itself is never stronger than the path inside it.
   */
  strongestReach(start: string, maxHops: number, minStrength: number): Map<string, number> {
    const best = new Map<string, number>();
    let frontier = new Map([[start, 1]]);
    for (let hop = 1; hop <= maxHops; hop++) {
      const next = new Map<string, number>();
      for (const [person, via] of frontier) {
        for (const { other, strength } of this.neighbours.get(person) ?? []) {
          if (other === start || strength < minStrength) continue;
          const reach = via * strength;
          if (reach > (next.get(other) ?? 0)) next.set(other, reach);
        }
      }
      for (const [person, reach] of next) if (reach > (best.get(person) ?? 0)) best.set(person, reach);
      frontier = next;
    }
    return best;
  }
}

export interface EvaluatorOptions {
  /** The viewer's email: whom connectedTo and near start from when they name no person. */
  viewer: string | null;
  /** A person id in a filter → that person's email; by default ids are emails. */
  emailOfId?: (id: string) => string | undefined;
}

export class InMemoryEvaluator {
  readonly index: DocumentIndex;
  private readonly viewer: string | null;
  private readonly emailOfId: (id: string) => string | undefined;

  constructor(doc: Doc, options: EvaluatorOptions) {
    this.index = new DocumentIndex(doc);
    this.viewer = options.viewer;
    this.emailOfId = options.emailOfId ?? ((id) => id);
  }

  /** The emails of the people that match, sorted. */
  people(where: PersonWhere, now: Date = new Date()): string[] {
    const context = new Evaluation(this.index, this.viewer, this.emailOfId, now.getTime());
    return this.index.doc.people.map((p) => p.key).filter((email) => context.person(email, where)).sort();
  }

  /** The domains of the companies that match, sorted. */
  companies(where: CompanyWhere, now: Date = new Date()): string[] {
    const context = new Evaluation(this.index, this.viewer, this.emailOfId, now.getTime());
    return this.index.doc.companies.map((c) => c.key).filter((domain) => context.company(domain, where)).sort();
  }
}

/** One evaluation at one instant; memoises what is the same for every person (reachable sets, topic sets). */
class Evaluation {
  private readonly reach = new Map<string, Set<string>>();

  constructor(
    private readonly index: DocumentIndex,
    private readonly viewer: string | null,
    private readonly emailOfId: (id: string) => string | undefined,
    private readonly now: number,
  ) {}

  person(email: string, where: PersonWhere): boolean {
    const p = this.index.people.get(email);
    if (!p) throw new Error(`no person ${email}`);
    const checks: (() => boolean)[] = [];
    if (where.connectedTo) {
      const c = where.connectedTo;
      const [maxHops, minStrength] = [c.maxHops ?? 1, c.minStrength ?? DEFAULT_MIN_STRENGTH];
      checks.push(() => (c.team ? this.teamConnected(maxHops, minStrength) : this.connected(this.startingPerson(c.person), maxHops, minStrength)).has(email));
    }
    if (where.interestedIn) {
      const { topics, minWeight } = where.interestedIn;
      const set = this.index.topicSet(topics);
      checks.push(() => (p.interests ?? []).some((i) => set.has(i.topic) && i.weight >= (minWeight ?? 0)));
    }
    if (where.engagedWith) {
      const e = where.engagedWith;
      const set = e.topics == null ? null : this.index.topicSet(e.topics);
      checks.push(() => {
        const matching = (this.index.engagementsOf.get(email) ?? []).filter((engagement) => {
          const content = this.index.content.get(engagement.content);
          return (
            (e.contentKinds == null || (content?.kind !== undefined && e.contentKinds.includes(content.kind))) &&
            (e.actions == null || e.actions.includes(engagement.action)) &&
            (e.withinDays == null || this.withinDays(engagement.at, e.withinDays)) &&
            (set === null || (content?.topics ?? []).some((topic) => set.has(topic)))
          );
        });
        return matching.length >= (e.minCount ?? 1);
      });
    }
    if (where.expressedConcern) {
      const c = where.expressedConcern;
      const set = c.topics == null ? null : this.index.topicSet(c.topics);
      checks.push(() => (this.index.concernsOf.get(email) ?? []).some((concern) =>
        (set === null || set.has(concern.topic)) &&
        (c.withinDays == null || this.withinDays(concern.expressedAt, c.withinDays)) &&
        (c.minSeverity == null || (concern.severity !== undefined && concern.severity >= c.minSeverity)) &&
        (c.levels == null || (concern.level !== undefined && c.levels.includes(concern.level))) &&
        (c.sources == null || (concern.source !== undefined && c.sources.includes(concern.source)))));
    }
    if (where.worksAt) {
      const companyWhere = where.worksAt;
      checks.push(() => {
        const employer = this.currentEmployer(p);
        return employer !== undefined && this.company(employer, companyWhere);
      });
    }
    if (where.near) {
      const n = where.near;
      checks.push(() => {
        const origin = n.latitude != null && n.longitude != null
          ? { latitude: n.latitude, longitude: n.longitude }
          : this.index.people.get(this.startingPerson(n.person))?.location;
        return origin !== undefined && p.location !== undefined && distanceKm(p.location, origin) <= n.radiusKm;
      });
    }
    if (where.titleContains != null) {
      const text = where.titleContains.toLowerCase();
      checks.push(() => p.title !== undefined && p.title.toLowerCase().includes(text));
    }
    if (where.changedJobWithinDays != null) {
      const days = where.changedJobWithinDays;
      checks.push(() => this.currentEmployer(p) !== undefined && p.since !== undefined && this.withinDays(p.since, days));
    }
    if (where.AND) for (const inner of where.AND) checks.push(() => this.person(email, inner));
    if (where.OR) {
      const alternatives = where.OR;
      checks.push(() => alternatives.some((inner) => this.person(email, inner)));
    }
    if (where.NOT) {
      const negated = where.NOT;
      checks.push(() => !this.person(email, negated));
    }
    return checks.every((check) => check());
  }

  company(domain: string, where: CompanyWhere): boolean {
    const c = this.index.companies.get(domain);
    if (!c) throw new Error(`no company ${domain}`);
    const checks: (() => boolean)[] = [];
    if (where.domains != null) {
      const domains = where.domains.map((d) => d.trim().toLowerCase());
      checks.push(() => domains.includes(c.key));
    }
    if (where.industries != null) {
      const industries = where.industries.map((i) => i.trim().toLowerCase());
      checks.push(() => c.industry !== undefined && industries.includes(c.industry.toLowerCase()));
    }
    if (where.statuses != null) {
      const statuses = where.statuses;
      checks.push(() => c.status !== undefined && statuses.includes(c.status));
    }
    if (where.relationshipLevels != null) {
      const levels = where.relationshipLevels;
      checks.push(() => c.relationshipLevel !== undefined && levels.includes(c.relationshipLevel));
    }
    if (where.employeesMin != null) {
      const min = where.employeesMin;
      checks.push(() => c.employees !== undefined && c.employees >= min);
    }
    if (where.employeesMax != null) {
      const max = where.employeesMax;
      checks.push(() => c.employees !== undefined && c.employees <= max);
    }
    if (where.hadEvent) {
      const e = where.hadEvent;
      checks.push(() => (this.index.eventsOf.get(domain) ?? []).some((event) =>
        (e.types == null || e.types.includes(event.type)) &&
        (e.fundingStages == null || (event.stage !== undefined && e.fundingStages.includes(event.stage))) &&
        (e.withinDays == null || this.withinDays(event.occurredAt, e.withinDays))));
    }
    if (where.employs) {
      const employs = where.employs;
      checks.push(() => this.index.doc.people.some((p) => this.currentEmployer(p) === domain && this.person(p.key, employs)));
    }
    if (where.AND) for (const inner of where.AND) checks.push(() => this.company(domain, inner));
    if (where.OR) {
      const alternatives = where.OR;
      checks.push(() => alternatives.some((inner) => this.company(domain, inner)));
    }
    if (where.NOT) {
      const negated = where.NOT;
      checks.push(() => !this.company(domain, negated));
    }
    return checks.every((check) => check());
  }

  /** The domain of the person's employer while the employment lasts: no end, or an end after now. */
  private currentEmployer(p: Person): string | undefined {
    if (p.company === undefined) return undefined;
    return p.until === undefined || Date.parse(p.until) > this.now ? p.company : undefined;
  }

  private withinDays(instant: string, days: number): boolean {
    const at = Date.parse(instant);
    return at >= this.now - days * DAY_MS && at <= this.now;
  }

  private startingPerson(id: string | null | undefined): string {
    const email = id == null ? this.viewer : this.emailOfId(id);
    if (email == null) throw new Error(`no person for ${id ?? "the viewer"}`);
    return email;
  }

  private connected(start: string, maxHops: number, minStrength: number): Set<string> {
    const key = `${start} ${maxHops} ${minStrength}`;
    let set = this.reach.get(key);
    if (!set) this.reach.set(key, (set = this.index.reachable(start, maxHops, minStrength)));
    return set;
  }

  /** Everyone some user reaches, but the users. */
  private teamConnected(maxHops: number, minStrength: number): Set<string> {
    const key = `team ${maxHops} ${minStrength}`;
    let set = this.reach.get(key);
    if (!set) {
      set = new Set([...this.index.users].flatMap((user) => [...this.connected(user, maxHops, minStrength)]).filter((person) => !this.index.users.has(person)));
      this.reach.set(key, set);
    }
    return set;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
