/**
 * Export: a workspace as a graph document, section by section, each section
 * streamed from Neo4j in key order (so two exports of the same graph are
 * identical, and a large graph never sits in memory whole). Only the fields
 * that are set are written; instants at midnight UTC are written as dates,
 * which is how the importer stores a plain date.
 */
import type { Plain } from "../db/mapping.js";
import type { Db } from "../db/run.js";

/** Exports can be long: they get ten minutes per section rather than a request's timeout. */
const SECTION_TIMEOUT_MS = 600_000;

export type DocumentRecord = Record<string, Plain>;
type DocumentSections = Record<string, AsyncIterable<DocumentRecord>>;

export function exportSections(db: Db, workspace: string): DocumentSections {
  const params = { workspace };
  return {
    topics: mapRows(db.stream("export/topics", SECTION_TIMEOUT_MS, params), (row) =>
      present({ name: row.name, aliases: nonEmpty(row.aliases), broader: nonEmpty(row.broader) })),
    companies: mapRows(db.stream("export/companies", SECTION_TIMEOUT_MS, params), ({ company: c }) => present({
      domain: c.domain, name: c.name, industry: c.industry, employees: c.headcount, city: c.city, country: c.country,
      location: c.location, status: c.status, relationshipLevel: c.relationshipLevel,
    })),
    people: mapRows(db.stream("export/people", SECTION_TIMEOUT_MS, params), ({ person: p, company, employment, interests }) => {
      const w = employment ?? {};
      return present({
        email: p.email, profileUrl: p.profileUrl, name: p.name, title: p.title, company, since: documentDate(w.since), until: documentDate(w.until),
        city: p.city, country: p.country, location: p.location,
        interests: nonEmpty(interests.filter((interest) => interest.topic !== null)),
      });
    }),
    content: mapRows(db.stream("export/content", SECTION_TIMEOUT_MS, params), ({ content: c, topics }) =>
      present({ url: c.url, title: c.title, kind: c.kind, topics: nonEmpty(topics), publishedAt: documentDate(c.publishedAt) })),
    connections: mapRows(db.stream("export/connections", SECTION_TIMEOUT_MS, params), ({ a, b, connection: k }) =>
      present({ a, b, strength: k.floor, since: documentDate(k.since), lastInteractionAt: documentDate(k.lastInteractionAt) })),
    engagements: mapRows(db.stream("export/engagements", SECTION_TIMEOUT_MS, params), ({ person, content, action, at }) =>
      present({ person, content, action, at: documentDate(at) })),
    concerns: mapRows(db.stream("export/concerns", SECTION_TIMEOUT_MS, params), ({ person, topic, concern: k }) => present({
      person, topic, text: k.text, expressedAt: documentDate(k.expressedAt), source: k.source, severity: k.severity, level: k.level,
    })),
    events: mapRows(db.stream("export/events", SECTION_TIMEOUT_MS, params), ({ company, event: e }) =>
      present({ company, type: e.type, stage: e.stage, amountUsd: e.amountUsd, occurredAt: documentDate(e.occurredAt) })),
    promises: mapRows(db.stream("export/promises", SECTION_TIMEOUT_MS, params), ({ promise: pr, person, company }) => present({
      id: pr.sourceId, person, company, text: pr.text, madeAt: documentDate(pr.madeAt), dueAt: documentDate(pr.dueAt), status: pr.status,
    })),
    users: mapRows(db.stream("export/users", SECTION_TIMEOUT_MS, params), ({ email }) => present({ email })),
    interactions: mapRows(db.stream("export/interactions", SECTION_TIMEOUT_MS, params), ({ user, person, interaction: i }) =>
      present({ user, person, kind: i.kind, direction: i.direction, at: documentDate(i.at), ref: i.ref, notes: i.notes })),
  };
}

async function* mapRows<R>(rows: AsyncIterable<R>, toRecord: (row: R) => DocumentRecord): AsyncGenerator<DocumentRecord> {
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
