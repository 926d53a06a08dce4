/**
 * Structural facts of the demo story: it is a valid-looking version 1 graph
 * document whose every reference resolves inside it, and whose dates all
 * follow from `now`. The canonical answers live in demo-story-answers.test.ts.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_USER_EMAIL, DEMO_WORKSPACE, demoStory } from "../../../seed/demo-story.js";
import * as q from "./story-queries.js";

const NOW = new Date("2026-11-22T00:00:00Z");
const story = demoStory(NOW);
const maya = DEMO_USER_EMAIL;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const ENUMS = {
  status: ["PROSPECT", "CUSTOMER", "FORMER_CUSTOMER", "PARTNER"],
  relationshipLevel: ["TRUSTED_ADVISER", "PARTNER", "CREDIBLE_SOURCE", "TRANSACTIONAL", "COMMODITY"],
  kind: ["WHITE_PAPER", "BLOG_POST", "WEBINAR", "CASE_STUDY", "VIDEO", "REPORT"],
  action: ["READ", "DOWNLOADED", "ATTENDED", "SHARED", "LIKED", "COMMENTED"],
  source: ["CALL", "EMAIL", "MEETING", "SOCIAL_POST", "SURVEY", "SUPPORT_TICKET", "NOTE"],
  level: ["ASPIRATION", "OUTCOME", "RESPONSIBILITY", "TASK", "BROKEN"],
  type: ["FUNDING", "LEADERSHIP_CHANGE", "ACQUISITION", "PRODUCT_LAUNCH", "LAYOFFS", "EXPANSION", "IPO"],
  stage: ["PRE_SEED", "SEED", "SERIES_A", "SERIES_B", "SERIES_C", "SERIES_D_PLUS", "DEBT", "GRANT"],
  promiseStatus: ["OPEN", "KEPT", "BROKEN"],
} as const;

// The fields docs/graph-document.md allows per record; anything else would be rejected on import.
const FIELDS: Record<string, readonly string[]> = {
  document: ["version", "topics", "companies", "people", "content", "connections", "engagements", "concerns", "events", "promises", "users", "interactions"],
  topics: ["name", "aliases", "broader"],
  companies: ["domain", "name", "industry", "employees", "city", "country", "location", "status", "relationshipLevel"],
  people: ["email", "name", "title", "company", "since", "until", "city", "country", "location", "interests"],
  content: ["url", "title", "kind", "topics", "publishedAt"],
  connections: ["a", "b", "strength", "since", "lastInteractionAt"],
  engagements: ["person", "content", "action", "at"],
  concerns: ["person", "topic", "text", "expressedAt", "source", "severity", "level"],
  events: ["company", "type", "stage", "amountUsd", "occurredAt"],
  promises: ["id", "person", "company", "text", "madeAt", "dueAt", "status"],
  users: ["email"],
  interactions: ["user", "person", "kind", "direction", "at", "ref"],
  location: ["latitude", "longitude"],
  interests: ["topic", "weight"],
};

const sorted = (values: Iterable<string>) => [...values].sort();
const distinct = <T>(values: readonly T[]) => new Set(values);
const lower = (value: string) => value.toLowerCase();

function expectOnlyFields(records: readonly object[], section: string) {
  const allowed = FIELDS[section] ?? [];
  for (const record of records) {
    for (const key of Object.keys(record)) expect(allowed, `${section}: unexpected field "${key}"`).toContain(key);
  }
}

/** Every date or date-time string in a document, in a stable order, with where it was found. */
function datesIn(value: unknown, path = "$"): { path: string; value: string }[] {
  if (typeof value === "string") return DATE.test(value) || DATE_TIME.test(value) ? [{ path, value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => datesIn(item, `${path}[${i}]`));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => datesIn(inner, `${path}.${key}`));
  }
  return [];
}

describe("the demo story's shape", () => {
  it("is a version 1 document for the demo workspace, with Maya as the one user", () => {
    expect(DEMO_WORKSPACE).toBe("demo");
    expect(story.version).toBe(1);
    expect(story.users).toEqual([{ email: "maya.chen@ourco.example" }]);
    expect(q.personByEmail(story, maya).company).toBe("ourco.example");
  });

  it("uses only the fields the format allows", () => {
    expectOnlyFields([story], "document");
    for (const section of ["topics", "companies", "people", "content", "connections", "engagements", "concerns", "events", "promises", "users"] as const) {
      expectOnlyFields(story[section], section);
    }
    expectOnlyFields([...story.companies, ...story.people].map((r) => r.location), "location");
    expectOnlyFields(story.people.flatMap((p) => p.interests), "interests");
  });

  it("uses only the format's enumerations, and every value of each", () => {
    expect(sorted(distinct(story.companies.flatMap((c) => (c.status ? [c.status] : []))))).toEqual(sorted(ENUMS.status));
    expect(sorted(distinct(story.companies.flatMap((c) => (c.relationshipLevel ? [c.relationshipLevel] : []))))).toEqual(sorted(ENUMS.relationshipLevel));
    expect(sorted(distinct(story.content.map((c) => c.kind)))).toEqual(sorted(ENUMS.kind));
    expect(sorted(distinct(story.engagements.map((e) => e.action)))).toEqual(sorted(ENUMS.action));
    expect(sorted(distinct(story.concerns.map((c) => c.source)))).toEqual(sorted(ENUMS.source));
    expect(sorted(distinct(story.concerns.map((c) => c.level)))).toEqual(sorted(ENUMS.level));
    expect(sorted(distinct(story.concerns.map((c) => String(c.severity))))).toEqual(["1", "2", "3", "4", "5"]);
    expect(sorted(distinct(story.events.map((e) => e.type)))).toEqual(sorted(ENUMS.type));
    expect(sorted(distinct(story.promises.map((p) => p.status)))).toEqual(sorted(ENUMS.promiseStatus));
    for (const event of story.events) {
      if (event.stage !== undefined) {
        expect(event.type).toBe("FUNDING");
        expect(ENUMS.stage).toContain(event.stage);
      }
    }
  });

  it("writes every date as an ISO 8601 date or date-time", () => {
    const fields = [
      ...story.people.map((p) => p.since),
      ...story.content.map((c) => c.publishedAt),
      ...story.connections.flatMap((c) => [c.since, c.lastInteractionAt]),
      ...story.engagements.map((e) => e.at),
      ...story.concerns.map((c) => c.expressedAt),
      ...story.events.map((e) => e.occurredAt),
      ...story.promises.flatMap((p) => [p.madeAt, p.dueAt]),
    ];
    for (const value of fields) expect(DATE.test(value) || DATE_TIME.test(value), value).toBe(true);
    for (const { value } of datesIn(story)) expect(Number.isNaN(q.instant(value)), value).toBe(false);
  });

  it("keeps numbers in their ranges", () => {
    const unit = [...story.connections.map((c) => c.strength), ...story.people.flatMap((p) => p.interests.map((i) => i.weight))];
    for (const value of unit) expect(value >= 0 && value <= 1, String(value)).toBe(true);
    for (const c of story.concerns) expect(Number.isInteger(c.severity) && c.severity >= 1 && c.severity <= 5).toBe(true);
    for (const c of story.companies) expect(Number.isInteger(c.employees) && c.employees > 0).toBe(true);
    for (const { location } of [...story.companies, ...story.people]) {
      expect(Math.abs(location.latitude)).toBeLessThanOrEqual(90);
      expect(Math.abs(location.longitude)).toBeLessThanOrEqual(180);
    }
  });

  it("has the intended size", () => {
    expect(story.people.length).toBeGreaterThanOrEqual(70);
    expect(story.people.length).toBeLessThanOrEqual(90);
    expect(story.companies.length).toBeGreaterThanOrEqual(14);
    expect(story.companies.length).toBeLessThanOrEqual(18);
    const direct = q.connectionsOf(story, maya);
    expect(direct.size).toBeGreaterThanOrEqual(15);
    expect(direct.size).toBeLessThanOrEqual(20);
    expect(distinct(story.connections.filter((c) => c.a === maya || c.b === maya).map((c) => c.strength)).size).toBeGreaterThan(10);
    expect(distinct(story.people.map((p) => p.country)).size).toBeGreaterThanOrEqual(5);
  });
});

describe("the demo story's references", () => {
  const emails = new Set(story.people.map((p) => lower(p.email)));
  const domains = new Set(story.companies.map((c) => lower(c.domain)));
  const urls = new Set(story.content.map((c) => c.url));
  const resolveTopic = q.topicResolver(story);
  const knownTopic = (ref: string) => expect(resolveTopic(ref), `topic "${ref}"`).toBeDefined();
  const knownPerson = (email: string) => expect(emails, email).toContain(lower(email));
  const knownCompany = (domain: string) => expect(domains, domain).toContain(lower(domain));

  it("keeps natural keys unique", () => {
    expect(emails.size).toBe(story.people.length);
    expect(domains.size).toBe(story.companies.length);
    expect(urls.size).toBe(story.content.length);
    const topicKeys = story.topics.flatMap((t) => [t.name, ...(t.aliases ?? [])].map(lower));
    expect(distinct(topicKeys).size).toBe(topicKeys.length);
    const pairs = story.connections.map((c) => sorted([lower(c.a), lower(c.b)]).join(" "));
    expect(distinct(pairs).size).toBe(pairs.length);
    for (const c of story.connections) expect(lower(c.a)).not.toBe(lower(c.b));
    const engagementKeys = story.engagements.map((e) => `${e.person} ${e.content} ${e.action} ${e.at}`);
    expect(distinct(engagementKeys).size).toBe(engagementKeys.length);
    const concernKeys = story.concerns.map((c) => `${c.person} ${resolveTopic(c.topic)} ${c.expressedAt} ${c.text}`);
    expect(distinct(concernKeys).size).toBe(concernKeys.length);
    const eventKeys = story.events.map((e) => `${e.company} ${e.type} ${e.occurredAt}`);
    expect(distinct(eventKeys).size).toBe(eventKeys.length);
    const promiseIds = story.promises.flatMap((p) => (p.id ? [p.id] : []));
    expect(distinct(promiseIds).size).toBe(promiseIds.length);
  });

  it("points every person at a defined company and every interest at a defined topic", () => {
    for (const person of story.people) {
      knownCompany(person.company);
      person.interests.forEach((i) => knownTopic(i.topic));
    }
  });

  it("builds the topic hierarchy from defined topics, without cycles", () => {
    for (const topic of story.topics) (topic.broader ?? []).forEach(knownTopic);
    for (const topic of story.topics) {
      const below = q.topicAndNarrower(story, topic.name);
      for (const broader of topic.broader ?? []) expect(below.has(resolveTopic(broader) ?? broader), `${topic.name} is below itself`).toBe(false);
    }
  });

  it("tags content with defined topics", () => {
    for (const content of story.content) {
      expect(content.topics.length).toBeGreaterThan(0);
      content.topics.forEach(knownTopic);
    }
  });

  it("connects, engages, and records concerns, events and promises of defined people, companies and content", () => {
    for (const c of story.connections) {
      knownPerson(c.a);
      knownPerson(c.b);
    }
    for (const e of story.engagements) {
      knownPerson(e.person);
      expect(urls).toContain(e.content);
    }
    for (const c of story.concerns) {
      knownPerson(c.person);
      knownTopic(c.topic);
    }
    for (const e of story.events) knownCompany(e.company);
    for (const p of story.promises) {
      expect(p.person ?? p.company, p.text).toBeDefined();
      if (p.person) knownPerson(p.person);
      if (p.company) knownCompany(p.company);
    }
    story.users.forEach((u) => knownPerson(u.email));
  });

  it("names some topics by alias and in another case, as imports may", () => {
    const refs = [...story.content.flatMap((c) => c.topics), ...story.concerns.map((c) => c.topic), ...story.people.flatMap((p) => p.interests.map((i) => i.topic))];
    const names = new Set(story.topics.map((t) => t.name));
    expect(refs.filter((ref) => !names.has(ref)).length).toBeGreaterThanOrEqual(5);
  });

  it("orders dates the way time runs", () => {
    const now = NOW.getTime();
    const published = new Map<string, number>(story.content.map((c) => [c.url, q.instant(c.publishedAt)]));
    for (const p of story.people) expect(q.instant(p.since)).toBeLessThanOrEqual(now);
    for (const c of story.content) expect(q.instant(c.publishedAt)).toBeLessThanOrEqual(now);
    for (const c of story.connections) {
      expect(q.instant(c.since), `${c.a} ${c.b}`).toBeLessThanOrEqual(q.instant(c.lastInteractionAt));
      expect(q.instant(c.lastInteractionAt)).toBeLessThanOrEqual(now);
    }
    for (const e of story.engagements) {
      expect(q.instant(e.at)).toBeLessThanOrEqual(now);
      expect(q.instant(e.at), `${e.person} ${e.content}`).toBeGreaterThanOrEqual(published.get(e.content) ?? Infinity);
    }
    for (const c of story.concerns) expect(q.instant(c.expressedAt)).toBeLessThanOrEqual(now);
    for (const e of story.events) expect(q.instant(e.occurredAt)).toBeLessThanOrEqual(now);
    for (const p of story.promises) {
      expect(q.instant(p.madeAt)).toBeLessThanOrEqual(now);
      expect(q.instant(p.madeAt)).toBeLessThan(q.instant(p.dueAt));
    }
  });
});

describe("the demo story's clock", () => {
  afterEach(() => vi.useRealTimers());

  it("reads no clock but `now`", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-07-04T12:00:00Z"));
    expect(demoStory(NOW)).toEqual(story);
  });

  it("moves every date by as much as `now` moves", () => {
    const later = demoStory(new Date(NOW.getTime() + 10 * 86_400_000));
    const before = datesIn(story);
    const after = datesIn(later);
    expect(after.map((d) => d.path)).toEqual(before.map((d) => d.path));
    before.forEach((d, i) => expect(q.instant(after[i]?.value ?? "") - q.instant(d.value), d.path).toBe(10 * 86_400_000));
  });

  it("refuses an invalid `now`", () => {
    expect(() => demoStory(new Date("not a date"))).toThrow(RangeError);
  });
});
