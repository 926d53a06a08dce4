/**
 * The graphs of the differential test: scale-generator documents
 * (seed/generator.ts), with a few holes punched in them, moved in time so
 * that they are relative to the real clock, as both sides of the comparison
 * read it.
 *
 * Holes: the generator fills in every optional field, so a filter would never
 * meet a person without a title, location or employer, a company without an
 * industry or headcount, or an employment that has ended. A seeded few of each
 * are made here, so that missing values and past employment are compared too.
 *
 * Users: the generator makes one user; a seeded few more people are made
 * users here, so that filters on our team's connections (connectedTo.team)
 * are compared on a team of several.
 *
 * Time, and why no answer can flap: the service compares with Neo4j's
 * datetime() at query time and the oracle with the test's clock, a few
 * milliseconds to a minute apart. A window "within N days" ends at now − N×24h,
 * so its edges, for every N, share one phase: the time of day of now. The
 * document is generated at a fixed midnight (so a seed always gives the same
 * document) and then every instant is moved by the same amount, so that the
 * generator's midnight falls 12 h before the real now at the start of the run.
 * Plain dates (since, until, expressedAt, occurredAt, …), which are all at
 * midnight, then lie 12 h from every window edge. Engagements carry random
 * instants; the few within 1 h of an edge's phase are dropped. So no instant
 * lies within an hour of any window edge for the first hour after the
 * graph was built, and the comparison does not depend on when, within that
 * hour, either side reads its clock.
 */
import { collectGraph } from "../../seed/generator.js";
import { Random } from "../../seed/generator/random.js";
import type { GraphDocument } from "../../src/graph-document/schema.js";
import { toInstant, type NormalizedDocument } from "../../src/graph-document/normalize.js";
import { validateGraphDocument } from "../../src/graph-document/validate.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The generator's clock: a fixed midnight, so a seed always gives the same document. */
export const GENERATOR_NOW = new Date("2026-01-01T00:00:00Z");
/** No instant lies closer than this to the phase of a window edge. */
export const EDGE_MARGIN_MS = HOUR_MS;
/** Users beside the generator's own. */
const MORE_USERS = 2;

export interface DifferentialGraph {
  seed: number;
  people: number;
  /** What is imported. */
  document: GraphDocument;
  /** What the oracle reads: the document as import normalises it. */
  normalized: NormalizedDocument;
  /** The real instant the graph's dates are relative to; answers are stable for an hour after it. */
  builtAt: Date;
  droppedEngagements: number;
}

type Dated = Record<string, unknown>;
const DATE_FIELDS: Record<string, readonly string[]> = {
  people: ["since", "until"],
  content: ["publishedAt"],
  connections: ["since", "lastInteractionAt"],
  engagements: ["at"],
  concerns: ["expressedAt"],
  events: ["occurredAt"],
  promises: ["madeAt", "dueAt"],
};

export function differentialGraph(seed: number, people: number, realNow: Date = new Date()): DifferentialGraph {
  const generated = collectGraph({ people, seed, now: GENERATOR_NOW }) as unknown as Record<string, Dated[] | number>;
  const users = addUsers(generated, new Random(seed, "differential-users"));
  punchHoles(generated, new Random(seed, "differential-holes"), users);

  // Every instant moves by `shift`: the generator's midnight lands 12 h before the real now (whole seconds).
  const anchor = Math.floor(realNow.getTime() / 1000) * 1000 - 12 * HOUR_MS;
  moveInTime(generated as unknown as GraphDocument, anchor - GENERATOR_NOW.getTime());
  const engagements = (generated.engagements as Dated[] | undefined) ?? [];
  const kept = engagements.filter((e) => !nearWindowEdge(Date.parse(e.at as string), realNow.getTime()));
  generated.engagements = kept;

  const document = generated as unknown as GraphDocument;
  const validation = validateGraphDocument(document);
  if (!validation.ok) throw new Error(`seed ${seed}: the generated document is invalid: ${JSON.stringify(validation.problems.slice(0, 5))}`);
  return { seed, people, document, normalized: validation.document, builtAt: realNow, droppedEngagements: engagements.length - kept.length };
}

/** Every date and time of the document moved by `shiftMs`, in place (a plain date becomes a UTC instant). */
export function moveInTime(document: GraphDocument, shiftMs: number): GraphDocument {
  const sections = document as unknown as Record<string, Dated[] | undefined>;
  for (const [section, fields] of Object.entries(DATE_FIELDS)) {
    for (const record of sections[section] ?? []) {
      for (const field of fields) {
        const value = record[field];
        if (typeof value === "string") record[field] = new Date(Date.parse(toInstant(value)) + shiftMs).toISOString();
      }
    }
  }
  return document;
}

/** Whether an instant is within EDGE_MARGIN_MS of now − N days for some whole N. */
export function nearWindowEdge(instant: number, now: number): boolean {
  const phase = (((now - instant) % DAY_MS) + DAY_MS) % DAY_MS;
  return phase < EDGE_MARGIN_MS || phase > DAY_MS - EDGE_MARGIN_MS;
}

/** MORE_USERS people (but the generator's user, person 0) made users too; the emails of all the users. */
function addUsers(document: Record<string, Dated[] | number>, random: Random): Set<string> {
  const people = document.people as Dated[];
  const users = new Set(((document.users as Dated[] | undefined) ?? []).map((user) => String(user.email)));
  while (users.size < 1 + MORE_USERS && users.size < people.length) users.add(String(people[random.int(1, people.length - 1)]!.email));
  document.users = [...users].map((email) => ({ email }));
  return users;
}

/**
 * Optional fields taken out, and employments ended, for a seeded few records.
 * The users keep everything: the viewer (one of them) has the location and
 * connections the default-viewer filters start from.
 */
function punchHoles(document: Record<string, Dated[] | number>, random: Random, users: ReadonlySet<string>): void {
  const people = (document.people as Dated[]).filter((person) => !users.has(String(person.email)));
  for (const person of people) {
    if (random.chance(0.05)) delete person.title;
    if (random.chance(0.05)) delete person.location;
    if (random.chance(0.03)) delete person.name;
    const employment = random.next();
    if (employment < 0.03) {
      delete person.company;
      delete person.since;
    } else if (employment < 0.1) {
      // Left: the employment ended between its start and now (in whole days before the generator's now).
      const since = Date.parse(toInstant(person.since as string));
      const daysEmployed = Math.floor((GENERATOR_NOW.getTime() - since) / DAY_MS);
      person.until = new Date(since + random.int(1, Math.max(1, daysEmployed - 1)) * DAY_MS).toISOString().slice(0, 10);
    } else if (employment < 0.14) {
      // Leaving: the employment ends in the future.
      person.until = new Date(GENERATOR_NOW.getTime() + random.int(1, 200) * DAY_MS).toISOString().slice(0, 10);
    } else if (employment < 0.16) {
      delete person.since;
    }
    for (const interest of (person.interests as Dated[] | undefined) ?? []) if (random.chance(0.1)) delete interest.weight;
  }
  for (const company of document.companies as Dated[]) {
    if (random.chance(0.1)) delete company.industry;
    if (random.chance(0.1)) delete company.employees;
    if (random.chance(0.08)) delete company.status;
    if (random.chance(0.08)) delete company.relationshipLevel;
  }
  for (const connection of (document.connections as Dated[] | undefined) ?? []) if (random.chance(0.1)) delete connection.strength;
  for (const concern of (document.concerns as Dated[] | undefined) ?? []) {
    if (random.chance(0.1)) delete concern.severity;
    if (random.chance(0.1)) delete concern.level;
    if (random.chance(0.05)) delete concern.source;
  }
  for (const item of (document.content as Dated[] | undefined) ?? []) if (random.chance(0.05)) delete item.kind;
}
