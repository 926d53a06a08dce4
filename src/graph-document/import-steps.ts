/**
 * Normalized records → the write steps of an import: each step a named
 * import query and its rows, with values in Neo4j form (UTC date-times,
 * WGS-84 points, integers), except the dates of connections and engagements
 * (most of a document's rows), sent as epoch milliseconds that their
 * statements turn into date-times. Engagements, concerns and events carry
 * what they add to their person's or company's evidence bound
 * (src/scoring.ts). Properties a record does not give are left out of
 * `props`, so an upsert never erases what the graph already knows.
 * The order satisfies every reference: nodes first, then what links them.
 */
import { companyLookup, personLookup } from "../db/key-lookups.js";
import type { QueryName } from "../db/query-names.js";
import { geoPoint, integer, utcDateTime } from "../db/values.js";
import { concernBound, engagementBound, eventBound } from "../scoring.js";
import type { EvidenceSums, PersonEvidence } from "./evidence-sums.js";
import type { PersonIds } from "./person-ids.js";
import { topicKey, type NormalizedRecord } from "./normalize.js";
import type { SectionName } from "./schema.js";

/** A row as its statement's parameters name its fields. */
export type ImportFields = Record<string, unknown>;
/** A row as a list of its values, in the order its statement's header names them. */
export type ImportTuple = unknown[];
export type ImportRow = ImportFields | ImportTuple;

export interface ImportStep<S extends SectionName = SectionName> {
  name: string;
  query: QueryName;
  /** The update counter that tells how many rows were new: a MERGE that matched creates nothing. */
  counter: "nodesCreated" | "relationshipsCreated" | "labelsAdded";
  /** A record's rows in Neo4j form: one for the section's first step, any number for the steps that link it. `index`: the record's place in its section. */
  rows(record: NormalizedRecord<S>, index: number): ImportRow[];
  /** Written once the whole section is: the topic hierarchy links topics that may come later in the section. */
  afterSection?: boolean;
  /**
   * A statement that writes by key, and its rows made from the batch's, for a
   * batch the query wrote fewer of than it was given (one that finds people by
   * element id: a person it could not find so): it writes what is missing and
   * nothing twice.
   */
  fallback?: { query: QueryName; rows: (row: ImportRow) => ImportFields };
  /**
   * Steps whose rows this step's rows carry, written by its statement, with a
   * count of them in a row: people into an empty workspace carry their
   * employment and interests. The statement returns a column per carried
   * step, named as the step, counting what it created.
   */
  carries?: { step: string; rows: (row: ImportRow) => number }[];
  /** The parameters of a batch besides the workspace, when they are more than `{ rows }` (byIdInto: the batch's people and other nodes, each once). */
  batch?: (rows: ImportRow[]) => Record<string, unknown>;
}

/** What an import into a workspace that was empty as it began knows besides the records. */
export interface IntoEmpty {
  /** The people's evidence bounds, as the checking summed them. */
  evidence: EvidenceSums;
  /** The people's element ids: read once the people are written (import.ts), empty before. */
  personIds(): PersonIds;
}

/**
 * Each section's steps, in document order. A section's first step writes its
 * records (one row each); the others link them, so they are written after
 * the rows of the first step they belong to.
 * @param intoEmpty given when the workspace held nothing as the import began;
 *   then people, connections, engagements and concerns are CREATEd, not
 *   MERGEd (the validated document has no duplicates, and nothing else can
 *   exist yet), people are written with their evidence bounds as the
 *   checking summed them, which engagements and concerns then leave alone,
 *   and those find their people by element id; each person's employment and
 *   interests are written with them, by one statement (ImportStep.carries).
 */
export function importSteps(intoEmpty?: IntoEmpty): { [S in SectionName]: ImportStep<S>[] } {
  return {
    topics: [
      one("topics", "nodesCreated", "import/topics", (t) => ({ key: t.key, props: defined({ name: t.name, aliases: t.aliases, aliasKeys: t.aliases?.map(topicKey) }) })),
      { ...many("topic hierarchy", "relationshipsCreated", "import/topic-broader", (t) => (t.broader ?? []).map((broader) => ({ key: t.key, broader }))), afterSection: true },
    ],
    companies: [
      one("companies", "nodesCreated", "import/companies", (c) => ({
        domain: c.domain ?? null,
        nameKey: c.nameKey ?? null,
        props: defined({
          name: c.name, nameKey: c.nameKey, industry: c.industry, headcount: optional(c.employees, integer), city: c.city, country: c.country,
          location: optional(c.location, geoPoint), status: c.status, relationshipLevel: c.relationshipLevel,
        }),
      })),
    ],
    people: intoEmpty ? [{
      ...one("people", "nodesCreated", "import/people-into-empty", (p, index) => ({ ...personRow(p, intoEmpty.evidence.of(index)), employment: employmentOf(p, (key) => key), interests: interestsOf(p) })),
      carries: [
        { step: "employments", rows: (row) => ((row as ImportFields).employment === null ? 0 : 1) },
        { step: "interests", rows: (row) => ((row as ImportFields).interests as unknown[]).length },
      ],
      batch: peopleOnce,
    }] : [
      one("people", "nodesCreated", "import/people", (p) => personRow(p)),
      many("employments", "relationshipsCreated", "import/employments", (p) => {
        const employment = employmentOf(p);
        return employment ? [{ person: personLookup(p.key), ...employment }] : [];
      }),
      many("interests", "relationshipsCreated", "import/interests", (p) => interestsOf(p).map((interest) => ({ person: personLookup(p.key), ...interest }))),
    ],
    content: [
      one("content", "nodesCreated", "import/content", (c) => ({ url: c.url, props: defined({ title: c.title, kind: c.kind, publishedAt: optional(c.publishedAt, utcDateTime) }) })),
      many("content topics", "relationshipsCreated", "import/content-topics", (c) => (c.topics ?? []).map((topic) => ({ url: c.url, topic }))),
    ],
    connections: [
      byIdInto(intoEmpty, { query: "import/connections-into-empty", fields: ["props", "sinceMs", "lastInteractionAtMs"] }, one("connections", "relationshipsCreated", "import/connections", (k) => ({
        a: k.a,
        b: k.b,
        props: defined({ floor: k.strength }),
        // As numbers: a million connections' date-times packed by the driver cost the importer more CPU than anything else it sends.
        sinceMs: optional(k.since, Date.parse) ?? null,
        lastInteractionAtMs: optional(k.lastInteractionAt, Date.parse) ?? null,
      })), ["a", "b"]),
    ],
    engagements: [
      byIdInto(intoEmpty, { query: "import/engagements-into-empty", fields: ["content", "action", "atMs", "bound"], once: { content: "contents" } }, one("engagements", "relationshipsCreated", "import/engagements", (e) => ({
        person: e.person,
        content: e.content, action: e.action, atMs: Date.parse(e.at), bound: engagementBound(e.action, e.at),
      })), ["person"]),
    ],
    concerns: [
      byIdInto(intoEmpty, { query: "import/concerns-into-empty", fields: ["key", "topic", "props", "bound"], once: { topic: "topics" } }, one("concerns", "nodesCreated", "import/concerns", (k) => ({
        key: k.key,
        person: k.person,
        topic: k.topic,
        props: defined({ text: k.text, expressedAt: utcDateTime(k.expressedAt), source: k.source, severity: optional(k.severity, integer), level: k.level }),
        bound: concernBound(k.severity, k.expressedAt),
      })), ["person"]),
    ],
    events: [
      one("events", "nodesCreated", "import/events", (e) => ({
        key: e.key,
        company: companyLookup(e.company),
        props: defined({ type: e.type, stage: e.stage, amountUsd: e.amountUsd, occurredAt: utcDateTime(e.occurredAt) }),
        bound: eventBound(e.occurredAt),
      })),
    ],
    promises: [
      one("promises", "nodesCreated", "import/promises", (p) => ({
        key: p.key,
        person: optional(p.person, personLookup) ?? null,
        company: optional(p.company, companyLookup) ?? null,
        props: defined({ sourceId: p.id, text: p.text, madeAt: optional(p.madeAt, utcDateTime), dueAt: optional(p.dueAt, utcDateTime), status: p.status }),
      })),
    ],
    users: [one("users", "labelsAdded", "import/users", (u) => ({ email: u.email }))],
    interactions: [
      one("interactions", "nodesCreated", "import/interactions", (i) => ({
        key: i.key,
        user: i.user,
        person: personLookup(i.person),
        atMs: Date.parse(i.at),
        props: defined({ kind: i.kind, direction: i.direction, ref: i.ref, notes: i.notes }),
      })),
    ],
  };
}

type PersonRecord = NormalizedRecord<"people">;

function personRow(p: PersonRecord, evidence?: PersonEvidence): ImportFields {
  return {
    email: p.email ?? null,
    profileUrl: p.profileUrl ?? null,
    props: defined({
      profileUrl: p.profileUrl, name: p.name, title: p.title, city: p.city, country: p.country, location: optional(p.location, geoPoint), ...evidence,
    }),
  };
}

/** A batch of people into an empty workspace: each company and topic it names sent once, in $companies and $topics, and named by its place there. */
function peopleOnce(rows: ImportRow[]): Record<string, unknown> {
  const companies = new BatchTable(companyLookup);
  const topics = new BatchTable((key) => key);
  const placed = (rows as ImportFields[]).map((row) => {
    const employment = row.employment as { company: string; props: unknown } | null;
    const interests = row.interests as { topic: string; weight: number }[];
    return {
      ...row,
      employment: employment && { ...employment, company: companies.place(employment.company) },
      interests: interests.map((interest) => ({ ...interest, topic: topics.place(interest.topic) })),
    };
  });
  return { companies: companies.entries, topics: topics.entries, rows: placed };
}

/** @param company the company as the statement takes it: its lookup map, or (people into an empty workspace, before peopleOnce) its key */
function employmentOf(p: PersonRecord, company: (key: string) => unknown = companyLookup): ImportFields | null {
  if (!p.company) return null;
  return { company: company(p.company), props: defined({ title: p.title, since: optional(p.since, utcDateTime), until: optional(p.until, utcDateTime) }) };
}

function interestsOf(p: PersonRecord): ImportFields[] {
  return (p.interests ?? []).map((i) => ({ topic: i.topic, weight: i.weight }));
}

/**
 * A step whose rows name people by key (`people`: those fields). Into an
 * empty workspace it writes with `into.query`, which finds each person of a
 * batch once, by the id the importer read for their key (person-ids.ts),
 * and compares their key as given; its fallback is the step's own statement.
 * Otherwise each key becomes the lookup map the step's statement takes
 * (key-lookups.ts). What the importer packs for these rows, most of a large
 * document's, is what it spends most on, and Neo4j spends most of the rest
 * finding their people:
 *
 * - rows by id go as lists, `people` first and then `into.fields`, in the
 *   order the statement's header gives, without a name for each value
 *   (measured on 10,000 connections, two batches at once: 171 ms of the
 *   importer's CPU as maps, 92 as lists; 449 ms to write, 357);
 * - each person goes once a batch, as `$people` ([key, id] each, the id null
 *   when unknown), and a row names them by their place there: a document
 *   lists a person's connections together, so a batch of 10,000 of the 100k
 *   document's connections names 4,248 people, not 20,000 (measured on those
 *   batches, two at once: 553 ms of Neo4j's CPU and 139 of the importer's
 *   with a key and an id in each row, 467 and 105 with the people once);
 * - so do the other nodes a row names in the fields of `into.once`, each
 *   sent once in the parameter it names (a batch of concerns names a few
 *   dozen topics), and found once by their key.
 */
function byIdInto<S extends SectionName>(
  intoEmpty: IntoEmpty | undefined, into: { query: QueryName; fields: string[]; once?: Record<string, string> }, step: ImportStep<S>, people: string[],
): ImportStep<S> {
  const withLookups = (row: ImportFields): ImportFields => {
    for (const field of people) row[field] = personLookup(row[field] as string);
    return row;
  };
  if (!intoEmpty) return { ...step, rows: (record, index) => step.rows(record, index).map((row) => withLookups(row as ImportFields)) };
  const { query, once = {} } = into;
  const fields = [...people, ...into.fields];
  return {
    ...step,
    query,
    rows: (record, index) => step.rows(record, index).map((row) => fields.map((field) => (row as ImportFields)[field])),
    batch: (rows) => {
      const ids = intoEmpty.personIds();
      const tables: Record<string, BatchTable> = { people: new BatchTable((key) => [key, ids.of(key)]) };
      for (const name of Object.values(once)) tables[name] = new BatchTable((key) => key);
      const placers = fields.map((field, i) => (i < people.length ? tables.people : once[field] === undefined ? undefined : tables[once[field]]));
      const placed = (rows as ImportTuple[]).map((row) => row.map((value, i) => placers[i]?.place(value as string) ?? value));
      return { ...Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, table.entries])), rows: placed };
    },
    fallback: { query: step.query, rows: (values) => withLookups(Object.fromEntries(fields.map((field, i) => [field, (values as ImportTuple)[i]]))) },
  };
}

/** The nodes of one batch that its rows name by key, each once, as `entry` makes them, in the order the batch first names them. */
class BatchTable {
  readonly entries: unknown[] = [];
  private readonly places = new Map<string, number>();

  constructor(private readonly entry: (key: string) => unknown) {}

  /** The node's place among the entries. */
  place(key: string): number {
    let place = this.places.get(key);
    if (place === undefined) {
      place = this.entries.length;
      this.places.set(key, place);
      this.entries.push(this.entry(key));
    }
    return place;
  }
}

function one<S extends SectionName>(name: string, counter: ImportStep["counter"], query: QueryName, toRow: (record: NormalizedRecord<S>, index: number) => ImportFields): ImportStep<S> {
  return { name, counter, query, rows: (record, index) => [toRow(record, index)] };
}

function many<S extends SectionName>(name: string, counter: ImportStep["counter"], query: QueryName, rows: (record: NormalizedRecord<S>) => ImportFields[]): ImportStep<S> {
  return { name, counter, query, rows };
}

function optional<T, R>(value: T | undefined, convert: (value: T) => R): R | undefined {
  return value === undefined ? undefined : convert(value);
}

export function defined(props: Record<string, unknown>): Record<string, unknown> {
  // A loop, not entries → filter → fromEntries: this runs for most of a document's records.
  const given: Record<string, unknown> = {};
  for (const key in props) if (props[key] !== undefined) given[key] = props[key];
  return given;
}
