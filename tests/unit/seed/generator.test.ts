/**
 * The scale generator: deterministic, of the specified scale and shape, and
 * always a valid graph document — every key unique, every reference defined
 * in the same document — at any size and seed, since randomized differential
 * tests import what it makes.
 */
import { slowSink } from "../../support/slow-sink.js";
import { describe, expect, it } from "vitest";
import { collectGraph, generateGraph, type GeneratorOptions } from "../../../seed/generator.js";
import { writeGraphDocument } from "../../../seed/write-document.js";
import { validateGraphDocument } from "../../../src/graph-document/validate.js";

const NOW = new Date("2026-11-22T09:30:00Z");
const DAY_MS = 86_400_000;
const OPTIONS: GeneratorOptions = { people: 2000, seed: 42, now: NOW };
const doc = collectGraph(OPTIONS);
const sections = {
  topics: doc.topics ?? [], companies: doc.companies ?? [], people: doc.people ?? [], content: doc.content ?? [],
  connections: doc.connections ?? [], engagements: doc.engagements ?? [], concerns: doc.concerns ?? [],
  events: doc.events ?? [], promises: doc.promises ?? [], users: doc.users ?? [],
};
const topicOf = new Map(sections.topics.flatMap((t) => [t.name, ...(t.aliases ?? [])].map((name) => [name.toLowerCase(), t.name.toLowerCase()])));
const canonicalTopic = (name: string) => topicOf.get(name.toLowerCase());
const daysBeforeNow = (date: string) => (NOW.getTime() - new Date(date.length === 10 ? `${date}T00:00:00Z` : date).getTime()) / DAY_MS;

/** How often each key occurs. */
function degreesOf(keys: string[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const key of keys) count.set(key, (count.get(key) ?? 0) + 1);
  return count;
}

function duplicates(keys: string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((key) => seen.has(key) || !seen.add(key));
}

describe("determinism", () => {
  it("gives byte-identical documents for the same options and different ones for another seed", () => {
    expect(JSON.stringify(collectGraph(OPTIONS))).toBe(JSON.stringify(doc));
    expect(JSON.stringify(collectGraph({ ...OPTIONS, seed: 43 }))).not.toBe(JSON.stringify(doc));
  });

  it("restarts a section on every call, independently of the other sections", () => {
    const graph = generateGraph({ people: 300, seed: 5, now: NOW });
    const firstPass = [...graph.concerns()];
    [...graph.connections()];
    expect([...graph.concerns()]).toEqual(firstPass);
  });

  it("takes dates from `now` only", () => {
    const later = collectGraph({ ...OPTIONS, now: new Date(NOW.getTime() + 10 * DAY_MS) });
    expect(later.people?.map((p) => p.email)).toEqual(sections.people.map((p) => p.email));
    expect(later.events?.[0]?.occurredAt).not.toBe(sections.events[0]?.occurredAt);
  });
});

describe("scale and shape for 2,000 people", () => {
  const people = OPTIONS.people;

  it("has about one company per 8 people, one content item per 50 and a topic hierarchy of about 40", () => {
    expect(sections.people).toHaveLength(people);
    expect(sections.companies).toHaveLength(people / 8);
    expect(sections.content).toHaveLength(people / 50);
    expect(sections.topics.length).toBeGreaterThanOrEqual(35);
    expect(sections.topics.filter((t) => (t.aliases ?? []).length > 0).length).toBeGreaterThanOrEqual(10);
    const depth = (name: string): number => 1 + Math.max(0, ...(sections.topics.find((t) => t.name === name)?.broader ?? []).map(depth));
    expect(Math.max(...sections.topics.map((t) => depth(t.name)))).toBe(3);
  });

  it("gives people a mean degree of about 30, heavy-tailed", () => {
    const degree = degreesOf(sections.connections.flatMap(({ a, b }) => [a, b]));
    const mean = (2 * sections.connections.length) / people;
    expect(mean).toBeGreaterThanOrEqual(25);
    expect(mean).toBeLessThanOrEqual(35);
    expect(Math.max(...degree.values())).toBeGreaterThanOrEqual(4 * mean);
    expect(degree.get(sections.users[0]?.email ?? "")).toBeGreaterThan(mean);
  });

  it("has about 5 engagements and 1 to 3 concerns per person, and events for about 30% of companies", () => {
    expect(sections.engagements.length / people).toBeGreaterThan(4.5);
    expect(sections.engagements.length / people).toBeLessThan(5.5);
    const concernsPerPerson = [...degreesOf(sections.concerns.map((c) => c.person)).values()];
    expect(concernsPerPerson.length).toBe(people);
    expect(Math.min(...concernsPerPerson)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...concernsPerPerson)).toBeLessThanOrEqual(3);
    const companiesWithEvents = new Set(sections.events.map((e) => e.company)).size / sections.companies.length;
    expect(companiesWithEvents).toBeGreaterThan(0.2);
    expect(companiesWithEvents).toBeLessThan(0.4);
    expect(sections.events.filter((e) => e.type === "FUNDING").every((e) => e.stage !== undefined && (e.amountUsd ?? 0) > 0)).toBe(true);
    expect(sections.promises.length).toBeGreaterThanOrEqual(3);
  });

  it("makes the first person, at the first company, the only user", () => {
    expect(sections.users).toEqual([{ email: sections.people[0]?.email }]);
    expect(sections.people[0]?.company).toBe(sections.companies[0]?.domain);
  });
});

describe("keys and references", () => {
  it("repeats no natural key", () => {
    const lower = (s: string) => s.toLowerCase();
    expect(duplicates(sections.people.map((p) => lower(p.email ?? "")))).toEqual([]);
    expect(duplicates(sections.companies.map((c) => lower(c.domain ?? "")))).toEqual([]);
    expect(duplicates(sections.content.map((c) => c.url))).toEqual([]);
    expect(duplicates(sections.topics.flatMap((t) => [t.name, ...(t.aliases ?? [])].map(lower)))).toEqual([]);
    expect(duplicates(sections.connections.map(({ a, b }) => [lower(a), lower(b)].sort().join(" ")))).toEqual([]);
    expect(duplicates(sections.engagements.map((e) => [e.person, e.content, e.action, e.at].join(" ")))).toEqual([]);
    expect(duplicates(sections.concerns.map((c) => [c.person, canonicalTopic(c.topic), c.expressedAt, c.text].join(" ")))).toEqual([]);
    expect(duplicates(sections.events.map((e) => [e.company, e.type, e.occurredAt].join(" ")))).toEqual([]);
    expect(duplicates(sections.promises.map((p) => p.id ?? ""))).toEqual([]);
  });

  it("only refers to records defined in the document, and never connects a person to themselves", () => {
    const emails = new Set(sections.people.map((p) => p.email));
    const domains = new Set(sections.companies.map((c) => c.domain));
    const urls = new Set(sections.content.map((c) => c.url));
    const unresolved = [
      ...sections.topics.flatMap((t) => t.broader ?? []).filter((name) => !canonicalTopic(name)),
      ...sections.people.flatMap((p) => [...(p.company && !domains.has(p.company) ? [p.company] : []), ...(p.interests ?? []).map((i) => i.topic).filter((name) => !canonicalTopic(name))]),
      ...sections.content.flatMap((c) => c.topics ?? []).filter((name) => !canonicalTopic(name)),
      ...sections.connections.flatMap(({ a, b }) => [a, b]).filter((email) => !emails.has(email)),
      ...sections.engagements.flatMap((e) => [...(emails.has(e.person) ? [] : [e.person]), ...(urls.has(e.content) ? [] : [e.content])]),
      ...sections.concerns.flatMap((c) => [...(emails.has(c.person) ? [] : [c.person]), ...(canonicalTopic(c.topic) ? [] : [c.topic])]),
      ...sections.events.map((e) => e.company).filter((domain) => !domains.has(domain)),
      ...sections.promises.flatMap((p) => [p.person, p.company]).filter((key) => key === undefined || !(emails.has(key) || domains.has(key))),
      ...sections.users.map((u) => u.email).filter((email) => !emails.has(email)),
    ];
    expect(unresolved).toEqual([]);
    expect(sections.connections.filter(({ a, b }) => a === b)).toEqual([]);
  });

  it("keeps emails lower-case and at the person's company domain", () => {
    expect(sections.people.filter((p) => p.email !== p.email?.toLowerCase() || !p.email?.endsWith(`@${p.company}`))).toEqual([]);
  });
});

describe("values", () => {
  it("keeps strengths and weights in [0, 1] and severities from 1 to 5", () => {
    expect(sections.connections.every((c) => c.strength !== undefined && c.strength >= 0 && c.strength <= 1)).toBe(true);
    expect(sections.people.flatMap((p) => p.interests ?? []).every((i) => i.weight !== undefined && i.weight >= 0 && i.weight <= 1)).toBe(true);
    expect(sections.concerns.every((c) => Number.isInteger(c.severity) && (c.severity ?? 0) >= 1 && (c.severity ?? 0) <= 5)).toBe(true);
  });

  it("dates everything relative to now: engagements in the last 365 days and after publication, events in the last two years", () => {
    const published = new Map(sections.content.map((c) => [c.url, c.publishedAt ?? ""]));
    expect(sections.engagements.filter((e) => daysBeforeNow(e.at) < 0 || daysBeforeNow(e.at) > 365 || e.at < (published.get(e.content) ?? ""))).toEqual([]);
    expect(sections.events.filter((e) => daysBeforeNow(e.occurredAt) < 0 || daysBeforeNow(e.occurredAt) > 731)).toEqual([]);
    expect(sections.concerns.filter((c) => daysBeforeNow(c.expressedAt) < 0 || daysBeforeNow(c.expressedAt) > 366)).toEqual([]);
    expect(sections.connections.filter((c) => (c.lastInteractionAt ?? "") < (c.since ?? "") || daysBeforeNow(c.lastInteractionAt ?? "") < 0)).toEqual([]);
  });
});

describe("validity", () => {
  it("passes the import validator", () => {
    const result = validateGraphDocument(doc);
    expect(result.ok ? [] : result.problems.slice(0, 10)).toEqual([]);
  });

  it("passes the import validator at tiny sizes and many seeds", () => {
    for (const people of [1, 2, 3, 9, 40]) {
      for (let seed = 0; seed < 15; seed++) {
        const result = validateGraphDocument(collectGraph({ people, seed, now: NOW }));
        expect(result.ok ? [] : [`people ${people}, seed ${seed}`, ...result.problems.slice(0, 5)]).toEqual([]);
      }
    }
  });
});

describe("writeGraphDocument", () => {
  it("streams JSON equal to the collected document, one record per line, through a slow stream", async () => {
    const options = { people: 400, seed: 7, now: NOW };
    const { sink, finish } = slowSink();
    const counts = await writeGraphDocument(generateGraph(options), sink);
    const text = (await finish()).toString("utf8");
    const expected = collectGraph(options);
    expect(JSON.parse(text)).toEqual(expected);
    expect(counts.connections).toBe(expected.connections?.length);
    const recordLines = text.split("\n").filter((line) => line.startsWith("    {"));
    const total = Object.values(expected).reduce<number>((sum, records) => sum + (Array.isArray(records) ? records.length : 0), 0);
    expect(recordLines).toHaveLength(total);
    expect(recordLines[0]).toBe(`    ${JSON.stringify(expected.topics?.[0])},`);
  });

  it("reports every record to the listener", async () => {
    const { sink } = slowSink();
    const seen = new Map<string, number>();
    const counts = await writeGraphDocument(generateGraph({ people: 50, seed: 1, now: NOW }), sink, (section) => seen.set(section, (seen.get(section) ?? 0) + 1));
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0)));
  });
});
