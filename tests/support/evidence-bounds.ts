/**
 * Each person's and company's evidence bounds (src/scoring.ts) as stored,
 * and as their engagements, concerns and events (a person's: their employers')
 * in the graph now add up, by the writers' own functions: the two agree when
 * evidence was only ever added once each.
 */
import type { Driver } from "neo4j-driver";
import { concernBound, engagementBound, eventBound } from "../../src/scoring.js";
import { testTarget } from "./db.js";

export interface PersonBounds {
  engagement: number | null;
  concern: number | null;
  employerEvents: number | null;
}

/** By person key (email, else profile URL): the bounds stored on the person, and what their evidence adds up to. */
export async function evidenceBounds(driver: Driver, workspace: string): Promise<Map<string, { stored: PersonBounds; summed: PersonBounds }>> {
  const { records } = await driver.executeQuery(`
    MATCH (p:Person {workspace: $workspace})
    RETURN coalesce(p.email, p.profileUrl) AS key, p.engagementBound AS engagementBound, p.concernBound AS concernBound,
      p.employerEventBound AS employerEventBound,
      COLLECT { MATCH (p)-[e:ENGAGED]->() RETURN [e.action, toString(e.at)] } AS engagements,
      COLLECT { MATCH (p)-[:VOICED]->(k:Concern) RETURN [k.severity, toString(k.expressedAt)] } AS concerns,
      COLLECT { MATCH (p)-[:WORKS_AT]->(:Company)-[:HAD_EVENT]->(e:CompanyEvent) RETURN toString(e.occurredAt) } AS employerEvents`,
    { workspace }, { database: testTarget().database });
  const sum = (values: number[]) => (values.length === 0 ? null : values.reduce((total, value) => total + value, 0));
  return new Map(records.map((record) => [record.get("key") as string, {
    stored: { engagement: record.get("engagementBound"), concern: record.get("concernBound"), employerEvents: record.get("employerEventBound") },
    summed: {
      engagement: sum((record.get("engagements") as [string, string][]).map(([action, at]) => engagementBound(action, at))),
      concern: sum((record.get("concerns") as [{ toNumber(): number } | null, string][]).map(([severity, at]) => concernBound(severity?.toNumber(), at))),
      employerEvents: sum((record.get("employerEvents") as string[]).map(eventBound)),
    },
  }]));
}

/** By company key (domain, else name): the event bound stored on the company, and what its events add up to. */
export async function companyEventBounds(driver: Driver, workspace: string): Promise<Map<string, { stored: number | null; summed: number | null }>> {
  const { records } = await driver.executeQuery(`
    MATCH (c:Company {workspace: $workspace})
    RETURN coalesce(c.domain, c.name) AS key, c.eventBound AS eventBound,
      COLLECT { MATCH (c)-[:HAD_EVENT]->(e:CompanyEvent) RETURN toString(e.occurredAt) } AS events`,
    { workspace }, { database: testTarget().database });
  return new Map(records.map((record) => {
    const events = record.get("events") as string[];
    return [record.get("key") as string, { stored: record.get("eventBound"), summed: events.length === 0 ? null : events.reduce((sum, at) => sum + eventBound(at), 0) }];
  }));
}

/** The three bounds of a person, side by side and rounded to nine significant digits, for an equality that floating-point sums in another order keep. */
export function rounded(bounds: PersonBounds): [number | null, number | null, number | null] {
  return [roundedBound(bounds.engagement), roundedBound(bounds.concern), roundedBound(bounds.employerEvents)];
}

export const roundedBound = (value: number | null) => (value === null ? null : Number(value.toPrecision(9)));
