/**
 * The anchor of `npm run bench -- anchor`: Rapport's graph model (cypher/README.md)
 * as type definitions of the Neo4j GraphQL Library, and a canonical question's
 * filter (a PersonWhere or CompanyWhere as Rapport receives it) written as that
 * library's `where`. What the library cannot say is refused with the reason,
 * never approximated. Two things are resolved before the clock starts, as a
 * team using the library would have to do in its client: topic names become
 * the ids of the topics and of every narrower topic (Rapport expands them in
 * the statement), and `near.person` becomes that person's coordinates.
 * Workspaces: the list's root and every person named by id are tested for the
 * workspace; everything else is reached over relationships, which never cross
 * workspaces.
 */
import type { CompanyWhere, ConcernFilter, EngagementFilter, EventFilter, PersonWhere } from "../src/filters/types.js";

export const ANCHOR_TYPE_DEFS = /* GraphQL */ `
  type Person @node {
    id: ID!
    workspace: String!
    email: String
    profileUrl: String
    name: String
    title: String
    location: Point
    knows: [Person!]! @relationship(type: "KNOWS", direction: OUT, queryDirection: UNDIRECTED, properties: "Knows")
    employers: [Company!]! @relationship(type: "WORKS_AT", direction: OUT, properties: "Employment")
    interests: [Topic!]! @relationship(type: "INTERESTED_IN", direction: OUT, properties: "Interest")
    engaged: [Content!]! @relationship(type: "ENGAGED", direction: OUT, properties: "Engagement")
    concerns: [Concern!]! @relationship(type: "VOICED", direction: OUT)
  }
  type Knows @relationshipProperties { strength: Float }
  type Employment @relationshipProperties { title: String, since: DateTime, until: DateTime }
  type Interest @relationshipProperties { weight: Float }
  type Engagement @relationshipProperties { action: String, at: DateTime }
  type Company @node {
    id: ID!
    workspace: String!
    domain: String
    nameKey: String
    name: String
    employees: [Person!]! @relationship(type: "WORKS_AT", direction: IN, properties: "Employment")
    events: [CompanyEvent!]! @relationship(type: "HAD_EVENT", direction: OUT)
  }
  type CompanyEvent @node { id: ID!, type: String, stage: String, occurredAt: DateTime }
  type Topic @node { id: ID!, workspace: String!, key: String, name: String }
  type Content @node { id: ID!, kind: String, title: String, about: [Topic!]! @relationship(type: "ABOUT", direction: OUT) }
  type Concern @node {
    id: ID!
    expressedAt: DateTime
    severity: Float
    level: String
    source: String
    topic: [Topic!]! @relationship(type: "ABOUT", direction: OUT)
  }
`;

export const ANCHOR_PEOPLE = `query($where: PersonWhere, $first: Int) {
  peopleConnection(where: $where, first: $first, sort: [{ name: ASC }, { email: ASC }]) { totalCount edges { node { id name } } } }`;
export const ANCHOR_COMPANIES = `query($where: CompanyWhere, $first: Int) {
  companiesConnection(where: $where, first: $first, sort: [{ name: ASC }, { domain: ASC }]) { totalCount edges { node { id name } } } }`;
export const ANCHOR_ALL_PEOPLE = `query($where: PersonWhere) { people(where: $where) { id } }`;
export const ANCHOR_ALL_COMPANIES = `query($where: CompanyWhere) { companies(where: $where) { id } }`;

/** What the client resolved beforehand: topic ids by the names asked, and people's coordinates. */
export interface Resolved {
  workspace: string;
  topicIds(names: string[]): string[];
  location(personId: string): { latitude: number; longitude: number } | null;
}

export class Inexpressible extends Error {}

type Where = Record<string, unknown>;

/** "Within the last N days" as the library can say it: a window computed by the client when it asks. */
function within(days: number | null | undefined, now: Date): Where | undefined {
  if (days == null) return undefined;
  return { gte: new Date(now.getTime() - days * 86_400_000).toISOString(), lte: now.toISOString() };
}

const given = (entries: Record<string, unknown>): Where => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
const anyOf = (values: string[] | null | undefined) => (values == null ? undefined : { in: values });

export function anchorPersonWhere(where: PersonWhere, resolved: Resolved, now: Date, root = true): Where {
  const { connectedTo, engagedWith, expressedConcern, interestedIn, near, ...rest } = where;
  const unsupported = Object.entries(rest).filter(([, value]) => value != null).map(([key]) => key);
  if (unsupported.length > 0) throw new Inexpressible(`${unsupported.join(", ")} not translated`);
  const all: Where[] = root ? [{ workspace: { eq: resolved.workspace } }] : [];
  if (connectedTo) {
    if (connectedTo.team || !connectedTo.person) throw new Inexpressible("connectedTo from the team, or from the signed-in user, has no person to name");
    if ((connectedTo.minStrength ?? 0) > 0) throw new Inexpressible("connectedTo.minStrength is a condition on every link of a path");
    const anchor = { id: { eq: connectedTo.person }, workspace: { eq: resolved.workspace } };
    const maxHops = connectedTo.maxHops ?? 1;
    if (maxHops > 2) throw new Inexpressible("more than 2 hops");
    const oneHop = { knows: { some: anchor } };
    all.push({ NOT: { id: { eq: connectedTo.person } } }, maxHops === 1 ? oneHop : { OR: [oneHop, { knows: { some: oneHop } }] });
  }
  if (engagedWith) all.push({ engagedConnection: { some: engagement(engagedWith, resolved, now) } });
  if (expressedConcern) all.push({ concerns: { some: concern(expressedConcern, resolved, now) } });
  if (interestedIn) {
    all.push({ interestsConnection: { some: { node: { id: { in: resolved.topicIds(interestedIn.topics) } }, edge: { weight: { gte: interestedIn.minWeight ?? 0 } } } } });
  }
  if (near) {
    if (!near.person) throw new Inexpressible("near by coordinates is not among the canonical questions");
    const from = resolved.location(near.person);
    if (!from) throw new Inexpressible("near a person without a location matches no one, which the library cannot say");
    all.push({ location: { distance: { from, lte: near.radiusKm * 1000 } } });
  }
  return { AND: all };
}

function engagement(filter: EngagementFilter, resolved: Resolved, now: Date): Where {
  if ((filter.minCount ?? 1) !== 1) throw new Inexpressible("engagedWith.minCount counts engagements");
  const content = given({ kind: anyOf(filter.contentKinds), about: filter.topics == null ? undefined : { some: { id: { in: resolved.topicIds(filter.topics) } } } });
  const edge = given({ action: anyOf(filter.actions), at: within(filter.withinDays, now) });
  return given({ node: Object.keys(content).length > 0 ? content : undefined, edge: Object.keys(edge).length > 0 ? edge : undefined });
}

function concern(filter: ConcernFilter, resolved: Resolved, now: Date): Where {
  return given({
    topic: filter.topics == null ? undefined : { some: { id: { in: resolved.topicIds(filter.topics) } } },
    expressedAt: within(filter.withinDays, now),
    severity: filter.minSeverity == null ? undefined : { gte: filter.minSeverity },
    level: anyOf(filter.levels),
    source: anyOf(filter.sources),
  });
}

function event(filter: EventFilter, now: Date): Where {
  return given({ type: anyOf(filter.types), stage: anyOf(filter.fundingStages), occurredAt: within(filter.withinDays, now) });
}

export function anchorCompanyWhere(where: CompanyWhere, resolved: Resolved, now: Date): Where {
  const { hadEvent, employs, ...rest } = where;
  const unsupported = Object.entries(rest).filter(([, value]) => value != null).map(([key]) => key);
  if (unsupported.length > 0) throw new Inexpressible(`${unsupported.join(", ")} not translated`);
  const all: Where[] = [{ workspace: { eq: resolved.workspace } }];
  if (hadEvent) all.push({ events: { some: event(hadEvent, now) } });
  if (employs) {
    // A current employment: no end, or an end still to come.
    const current = { OR: [{ until: { eq: null } }, { until: { gt: now.toISOString() } }] };
    all.push({ employeesConnection: { some: { edge: current, node: anchorPersonWhere(employs, resolved, now, false) } } });
  }
  return { AND: all };
}

/** Every topic named (by name or alias, as Rapport matches them: lower-cased) and every narrower topic, transitively. */
export const TOPIC_IDS = `UNWIND $names AS name
  OPTIONAL MATCH (root:Topic {workspace: $workspace}) WHERE root.key = name OR name IN root.aliasKeys
  OPTIONAL MATCH (root)<-[:BROADER*0..]-(topic:Topic)
  RETURN name, collect(DISTINCT topic.id) AS ids`;
