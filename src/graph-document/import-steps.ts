/**
 * A normalized document → the ordered write steps of an import: each step a
 * named import query and its rows, with values in Neo4j form (UTC date-times,
 * WGS-84 points, integers). Properties a record does not give are
 * left out of `props`, so an upsert never erases what the graph already knows.
 * The order satisfies every reference: nodes first, then what links them.
 */
import type { QueryName } from "../db/query-names.js";
import { geoPoint, integer, utcDateTime } from "../db/values.js";
import { topicKey, type NormalizedDocument } from "./normalize.js";

export type ImportRow = Record<string, unknown>;

export interface ImportStep {
  name: string;
  query: QueryName;
  /** The update counter that tells how many rows were new: a MERGE that matched creates nothing. */
  counter: "nodesCreated" | "relationshipsCreated" | "labelsAdded";
  /** How many rows the step writes. */
  size: number;
  /**
   * Rows `offset` to `offset + count`, converted when asked for: a batch is
   * built while the batch before it is being written, and the whole step
   * never sits in memory in Neo4j form.
   */
  rows(offset: number, count: number): ImportRow[];
}

/**
 * @param intoEmpty the workspace held nothing when the import began; then the
 *   largest relationship steps CREATE instead of MERGE (the validated document
 *   has no duplicates, and nothing else can exist yet).
 */
export function importSteps(doc: NormalizedDocument, intoEmpty = false): ImportStep[] {
  return [
    step("topics", "nodesCreated", "import/topics", doc.topics, (t) => ({
      key: t.key,
      props: defined({ name: t.name, aliases: t.aliases, aliasKeys: t.aliases?.map(topicKey) }),
    })),
    step("topic hierarchy", "relationshipsCreated", "import/topic-broader", doc.topics.flatMap((t) => (t.broader ?? []).map((broader) => ({ key: t.key, broader })))),
    step("companies", "nodesCreated", "import/companies", doc.companies, (c) => ({
      domain: c.domain,
      props: defined({
        name: c.name, industry: c.industry, headcount: optional(c.employees, integer), city: c.city, country: c.country,
        location: optional(c.location, geoPoint), status: c.status, relationshipLevel: c.relationshipLevel,
      }),
    })),
    step("people", "nodesCreated", "import/people", doc.people, (p) => ({
      email: p.email,
      props: defined({ name: p.name, title: p.title, city: p.city, country: p.country, location: optional(p.location, geoPoint) }),
    })),
    step("employments", "relationshipsCreated", "import/employments", doc.people.flatMap((p) => (p.company ? [{
      email: p.email,
      company: p.company,
      props: defined({ title: p.title, since: optional(p.since, utcDateTime), until: optional(p.until, utcDateTime) }),
    }] : []))),
    step("interests", "relationshipsCreated", "import/interests", doc.people.flatMap((p) => (p.interests ?? []).map((i) => ({ email: p.email, topic: i.topic, weight: i.weight })))),
    step("users", "labelsAdded", "import/users", doc.users, (u) => ({ email: u.email })),
    step("content", "nodesCreated", "import/content", doc.content, (c) => ({
      url: c.url,
      props: defined({ title: c.title, kind: c.kind, publishedAt: optional(c.publishedAt, utcDateTime) }),
    })),
    step("content topics", "relationshipsCreated", "import/content-topics", doc.content.flatMap((c) => (c.topics ?? []).map((topic) => ({ url: c.url, topic })))),
    step("connections", "relationshipsCreated", intoEmpty ? "import/connections-into-empty" : "import/connections", doc.connections, (k) => ({
      a: k.a,
      b: k.b,
      props: defined({ floor: k.strength, since: optional(k.since, utcDateTime), lastInteractionAt: optional(k.lastInteractionAt, utcDateTime) }),
    })),
    step("engagements", "relationshipsCreated", intoEmpty ? "import/engagements-into-empty" : "import/engagements", doc.engagements, (e) => ({
      person: e.person, content: e.content, action: e.action, at: utcDateTime(e.at),
    })),
    step("concerns", "nodesCreated", "import/concerns", doc.concerns, (k) => ({
      key: k.key,
      person: k.person,
      topic: k.topic,
      props: defined({
        text: k.text, expressedAt: utcDateTime(k.expressedAt), source: k.source, severity: optional(k.severity, integer), level: k.level,
      }),
    })),
    step("events", "nodesCreated", "import/events", doc.events, (e) => ({
      key: e.key,
      company: e.company,
      props: defined({ type: e.type, stage: e.stage, amountUsd: e.amountUsd, occurredAt: utcDateTime(e.occurredAt) }),
    })),
    step("promises", "nodesCreated", "import/promises", doc.promises, (p) => ({
      key: p.key,
      person: p.person ?? null,
      company: p.company ?? null,
      props: defined({
        sourceId: p.id, text: p.text, madeAt: optional(p.madeAt, utcDateTime), dueAt: optional(p.dueAt, utcDateTime), status: p.status,
      }),
    })),
    step("interactions", "nodesCreated", "import/interactions", doc.interactions, (i) => ({
      key: i.key,
      user: i.user,
      person: i.person,
      atMs: Date.parse(i.at),
      props: defined({ kind: i.kind, direction: i.direction, ref: i.ref, notes: i.notes }),
    })),
  ];
}

function step<T>(name: string, counter: ImportStep["counter"], query: QueryName, records: readonly T[], toRow: (record: T) => ImportRow = (record) => record as ImportRow): ImportStep {
  return { name, counter, query, size: records.length, rows: (offset, count) => records.slice(offset, offset + count).map(toRow) };
}

function optional<T, R>(value: T | undefined, convert: (value: T) => R): R | undefined {
  return value === undefined ? undefined : convert(value);
}

export function defined(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
}
