/**
 * Export: a workspace as a graph document, section by section, each section
 * streamed from Neo4j in key order (so two exports of the same graph are
 * identical, and a large graph never sits in memory whole). Only the fields
 * that are set are written; instants at midnight UTC are written as dates,
 * which is how the importer stores a plain date.
 */
import type { Plain } from "../db/mapping.js";
import type { QueryName } from "../db/query-names.js";
import type { Db, Row } from "../db/run.js";

/** Exports can be long: they get ten minutes per section rather than a request's timeout. */
const SECTION_TIMEOUT_MS = 600_000;

export type DocumentRecord = Record<string, Plain>;
type DocumentSections = Record<string, AsyncIterable<DocumentRecord>>;

export function exportSections(db: Db, workspace: string): DocumentSections {
  const section = (name: QueryName, toRecord: (row: Row) => DocumentRecord) =>
    mapRows(db.stream(name, { workspace }, SECTION_TIMEOUT_MS), toRecord);
  return {
    topics: section("export/topics", (row) =>
      present({ name: row.name, aliases: nonEmpty(row.aliases), broader: nonEmpty(row.broader) })),
    companies: section("export/companies", ({ company }) => {
      const c = company as Record<string, Plain>;
      return present({
        domain: c.domain, name: c.name, industry: c.industry, employees: c.headcount, city: c.city, country: c.country,
        location: c.location, status: c.status, relationshipLevel: c.relationshipLevel,
      });
    }),
    people: section("export/people", ({ person, company, employment, interests }) => {
      const p = person as Record<string, Plain>;
      const w = (employment ?? {}) as Record<string, Plain>;
      return present({
        email: p.email, name: p.name, title: p.title, company, since: documentDate(w.since), until: documentDate(w.until),
        city: p.city, country: p.country, location: p.location,
        interests: nonEmpty((interests as DocumentRecord[]).filter((interest) => interest.topic !== null)),
      });
    }),
    content: section("export/content", ({ content, topics }) => {
      const c = content as Record<string, Plain>;
      return present({ url: c.url, title: c.title, kind: c.kind, topics: nonEmpty(topics), publishedAt: documentDate(c.publishedAt) });
    }),
    connections: section("export/connections", ({ a, b, connection }) => {
      const k = connection as Record<string, Plain>;
      return present({ a, b, strength: k.floor, since: documentDate(k.since), lastInteractionAt: documentDate(k.lastInteractionAt) });
    }),
    engagements: section("export/engagements", ({ person, content, action, at }) =>
      present({ person, content, action, at: documentDate(at) })),
    concerns: section("export/concerns", ({ person, topic, concern }) => {
      const k = concern as Record<string, Plain>;
      return present({
        person, topic, text: k.text, expressedAt: documentDate(k.expressedAt), source: k.source, severity: k.severity, level: k.level,
      });
    }),
    events: section("export/events", ({ company, event }) => {
      const e = event as Record<string, Plain>;
      return present({ company, type: e.type, stage: e.stage, amountUsd: e.amountUsd, occurredAt: documentDate(e.occurredAt) });
    }),
    promises: section("export/promises", ({ promise, person, company }) => {
      const pr = promise as Record<string, Plain>;
      return present({
        id: pr.sourceId, person, company, text: pr.text, madeAt: documentDate(pr.madeAt), dueAt: documentDate(pr.dueAt), status: pr.status,
      });
    }),
    users: section("export/users", ({ email }) => present({ email })),
    interactions: section("export/interactions", ({ user, person, interaction }) => {
      const i = interaction as Record<string, Plain>;
      return present({ user, person, kind: i.kind, direction: i.direction, at: documentDate(i.at), ref: i.ref, notes: i.notes });
    }),
  };
}

async function* mapRows(rows: AsyncIterable<Row>, toRecord: (row: Row) => DocumentRecord): AsyncGenerator<DocumentRecord> {
  for await (const row of rows) yield toRecord(row);
}

/** A stored instant back in document form: a plain date when it is midnight UTC. */
function documentDate(value: Plain | undefined): Plain {
  if (typeof value !== "string") return null;
  return value.endsWith("T00:00:00.000Z") ? value.slice(0, 10) : value;
}

function nonEmpty(value: Plain | undefined): Plain {
  return Array.isArray(value) && value.length > 0 ? value : null;
}

/** Drops unset fields, so the document holds only what the graph knows. */
function present(record: Record<string, Plain | undefined>): DocumentRecord {
  const out: DocumentRecord = {};
  for (const [key, value] of Object.entries(record)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}
