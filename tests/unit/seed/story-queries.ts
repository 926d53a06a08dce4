/**
 * The canonical questions of docs/domain.md answered in plain TypeScript over a
 * graph document, with no database. They are a reference to check the demo
 * story against, so they favour obviousness over speed.
 */
import type { demoStory } from "../../../seed/demo-story.js";

export type Story = ReturnType<typeof demoStory>;

const DAY_MS = 86_400_000;
const EARTH_RADIUS_KM = 6371;

/** A document date is midnight UTC; a date-time carries its own offset. */
export function instant(iso: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
}

export function withinDays(iso: string, now: Date, days: number): boolean {
  const t = instant(iso);
  return t <= now.getTime() && t >= now.getTime() - days * DAY_MS;
}

export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** Maps a topic name or alias, in any case, to the topic's name; undefined when nothing matches. */
export function topicResolver(story: Story): (ref: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const topic of story.topics) {
    byKey.set(topic.name.toLowerCase(), topic.name);
    for (const alias of topic.aliases ?? []) byKey.set(alias.toLowerCase(), topic.name);
  }
  return (ref) => byKey.get(ref.toLowerCase());
}

/** The topic named by `ref` and every topic below it, by name. */
export function topicAndNarrower(story: Story, ref: string): Set<string> {
  const resolve = topicResolver(story);
  const root = resolve(ref);
  if (root === undefined) throw new Error(`no topic "${ref}"`);
  const found = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const topic of story.topics) {
      const under = (topic.broader ?? []).some((b) => found.has(resolve(b) ?? b));
      if (under && !found.has(topic.name)) {
        found.add(topic.name);
        grew = true;
      }
    }
  }
  return found;
}

export function topicSet(story: Story, ref: string, includeNarrower: boolean): Set<string> {
  if (includeNarrower) return topicAndNarrower(story, ref);
  const name = topicResolver(story)(ref);
  if (name === undefined) throw new Error(`no topic "${ref}"`);
  return new Set([name]);
}

/** Undirected adjacency with strengths (0.5 when missing, as the format says), by lower-cased email. */
export function adjacency(story: Story): Map<string, Map<string, number>> {
  const adj = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, strength: number) => {
    const row = adj.get(from) ?? new Map<string, number>();
    row.set(to, strength);
    adj.set(from, row);
  };
  for (const c of story.connections) {
    const [a, b] = [c.a.toLowerCase(), c.b.toLowerCase()];
    add(a, b, c.strength ?? 0.5);
    add(b, a, c.strength ?? 0.5);
  }
  return adj;
}

/** People within `hops` of `email`, not counting the person themself. */
export function connectionsOf(story: Story, email: string, hops = 1): Set<string> {
  const adj = adjacency(story);
  const self = email.toLowerCase();
  const seen = new Set([self]);
  let frontier = [self];
  for (let depth = 0; depth < hops; depth++) {
    const next: string[] = [];
    for (const person of frontier) {
      for (const other of adj.get(person)?.keys() ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  seen.delete(self);
  return seen;
}

export interface ReadingOptions {
  hops?: number;
  includeNarrower?: boolean;
  /** Engagement actions that count as reading; every action when omitted. */
  actions?: readonly string[];
}

/** People who engaged with a white paper about `topic` (lower-cased emails). */
export function whitePaperReaders(story: Story, topic: string, options: ReadingOptions = {}): Set<string> {
  const resolve = topicResolver(story);
  const topics = topicSet(story, topic, options.includeNarrower ?? true);
  const papers = new Set<string>(
    story.content
      .filter((c) => c.kind === "WHITE_PAPER" && c.topics.some((t) => topics.has(resolve(t) ?? t)))
      .map((c) => c.url),
  );
  return new Set(
    story.engagements
      .filter((e) => papers.has(e.content) && (options.actions?.includes(e.action) ?? true))
      .map((e) => e.person.toLowerCase()),
  );
}

/** Q1: connections who read CRM white papers and voiced churn concerns in the last `days` days. */
export function crmReadersWithRecentChurn(story: Story, user: string, now: Date, days = 90, options: ReadingOptions = {}): string[] {
  const resolve = topicResolver(story);
  const churn = topicAndNarrower(story, "Churn");
  const readers = whitePaperReaders(story, "CRM", options);
  const worried = new Set(
    story.concerns
      .filter((c) => churn.has(resolve(c.topic) ?? c.topic) && withinDays(c.expressedAt, now, days))
      .map((c) => c.person.toLowerCase()),
  );
  return [...connectionsOf(story, user, options.hops)].filter((p) => readers.has(p) && worried.has(p)).sort();
}

/** Q2: current employers of connections who read CRM white papers. */
export function companiesOfCrmReaders(story: Story, user: string, options: ReadingOptions = {}): string[] {
  const readers = whitePaperReaders(story, "CRM", options);
  const connections = connectionsOf(story, user, options.hops);
  const companies = story.people
    .filter((p) => connections.has(p.email.toLowerCase()) && readers.has(p.email.toLowerCase()))
    .map((p) => p.company.toLowerCase());
  return [...new Set(companies)].sort();
}

/** Q3: connections living within `km` of the user and interested in `topic`. */
export function nearbyInterested(story: Story, user: string, topic: string, km: number, includeNarrower = false): string[] {
  const resolve = topicResolver(story);
  const topics = topicSet(story, topic, includeNarrower);
  const me = personByEmail(story, user);
  const connections = connectionsOf(story, user);
  return story.people
    .filter((p) => connections.has(p.email.toLowerCase()))
    .filter((p) => distanceKm(me.location, p.location) <= km)
    .filter((p) => p.interests.some((i) => topics.has(resolve(i.topic) ?? i.topic)))
    .map((p) => p.email.toLowerCase())
    .sort();
}

/** Q4: companies with a funding round of `stage` in the last `days` days, with the user's connections there. */
export function recentRounds(story: Story, user: string, now: Date, stage = "SERIES_B", days = 60): { company: string; known: string[] }[] {
  const connections = connectionsOf(story, user);
  const companies = new Set(
    story.events
      .filter((e) => e.type === "FUNDING" && e.stage === stage && withinDays(e.occurredAt, now, days))
      .map((e) => e.company.toLowerCase()),
  );
  return [...companies].sort().map((company) => ({
    company,
    known: story.people
      .filter((p) => p.company.toLowerCase() === company && connections.has(p.email.toLowerCase()))
      .map((p) => p.email.toLowerCase())
      .sort(),
  }));
}

export interface IntroductionPath {
  path: string[];
  strength: number;
}

/** Q5: simple paths from the user to anyone matching `isTarget`, of at most `maxHops`, strongest first. */
export function introductionPaths(story: Story, user: string, isTarget: (email: string) => boolean, maxHops = 3): IntroductionPath[] {
  const adj = adjacency(story);
  const found: IntroductionPath[] = [];
  const walk = (path: string[], strength: number) => {
    const here = path[path.length - 1];
    if (here === undefined) return;
    if (path.length > 1 && isTarget(here)) {
      found.push({ path, strength });
      return;
    }
    if (path.length > maxHops) return;
    for (const [next, s] of adj.get(here) ?? []) {
      if (!path.includes(next)) walk([...path, next], strength * s);
    }
  };
  walk([user.toLowerCase()], 1);
  return found.sort((x, y) => y.strength - x.strength || x.path.length - y.path.length);
}

export function worksAt(story: Story, domain: string): (email: string) => boolean {
  const staff = new Set(story.people.filter((p) => p.company === domain).map((p) => p.email.toLowerCase()));
  return (email) => staff.has(email);
}

/** Q6: what a rep should know before calling `email`; "recent" is the last `days` days. */
export function preCallBrief(story: Story, user: string, email: string, now: Date, days = 90) {
  const person = personByEmail(story, email);
  const key = person.email.toLowerCase();
  const adj = adjacency(story);
  const mine = adj.get(user.toLowerCase()) ?? new Map<string, number>();
  const theirs = adj.get(key) ?? new Map<string, number>();
  const company = person.company.toLowerCase();
  return {
    company,
    recentEvents: story.events
      .filter((e) => e.company.toLowerCase() === company && withinDays(e.occurredAt, now, days))
      .map((e) => e.type),
    interests: person.interests.map((i) => i.topic),
    recentEngagements: story.engagements
      .filter((e) => e.person.toLowerCase() === key && withinDays(e.at, now, days))
      .map((e) => `${e.action} ${e.content}`),
    recentConcerns: story.concerns
      .filter((c) => c.person.toLowerCase() === key && withinDays(c.expressedAt, now, days))
      .map((c) => c.topic),
    openPromises: story.promises
      .filter((p) => p.status === "OPEN")
      .filter((p) => p.person?.toLowerCase() === key || p.company?.toLowerCase() === company)
      .map((p) => p.id ?? p.text),
    directStrength: mine.get(key),
    mutualConnections: [...mine.keys()].filter((other) => theirs.has(other)).sort(),
  };
}

export function personByEmail(story: Story, email: string): Story["people"][number] {
  const person = story.people.find((p) => p.email.toLowerCase() === email.toLowerCase());
  if (person === undefined) throw new Error(`no person ${email}`);
  return person;
}
