/**
 * What start-choice.ts weighs a filter's starts by: counts read from the
 * graph by cheap statements (cypher/filters/estimate), each from the degrees
 * and indexes Neo4j keeps rather than by walking what it counts. A count is
 * kept for a short while per workspace and question (ESTIMATE_TTL_MS), for
 * every request of the process, at most ESTIMATES_KEPT of them: a list being
 * paged, counted and refined asks the same question many times a minute, and
 * an estimate a minute old chooses as well as a fresh one.
 */
import neo4j from "neo4j-driver";
import { column, type RowOf } from "../db/rows.js";
import { statementOf, type Db, type Statement } from "../db/run.js";
import { fragment } from "./fragments.js";
import { render } from "./tree.js";
import type { EventFilter } from "./types.js";

const ESTIMATE_TTL_MS = 45_000;
const ESTIMATES_KEPT = 1_000;
/** The most events an estimate reads: a window holding more is no selective start. */
export const EVENTS_CAP = 5_000;

const count = column<number>();
const REACH = { starts: count, firstHop: count, secondHop: count };
const EVENTS = { events: count, companies: count, employees: count };
const INTERESTS = { interests: count };
export type Reach = RowOf<typeof REACH>;
export type MatchingEvents = RowOf<typeof EVENTS>;

/** A hadEvent with a window: what a start from the events needs. */
export type WindowedEvents = EventFilter & { withinDays: number };

/** Where an expansion starts: one person, or every user of the workspace. */
export type ReachFrom = { anchor: string } | { team: true };

export const REACH_ESTIMATE = "filters/estimate-reach";
export const EVENTS_ESTIMATE = "filters/estimate-events";
export const INTERESTS_ESTIMATE = "filters/estimate-interests";

const kept = new Map<string, { until: number; value: Promise<unknown> }>();

/** The people an expansion from `from` meets at one hop and at two, by degree. */
export function estimateReach(db: Db, workspace: string, from: ReachFrom): Promise<Reach> {
  return cached(["reach", workspace, "anchor" in from ? from.anchor : null], async () => {
    const [row] = await db.read(reachEstimate(workspace, from));
    return row ?? { starts: 0, firstHop: 0, secondHop: 0 };
  });
}

/** The statement estimateReach reads: one text for every filter, so it is warmed with the statements filters share (src/plans/warm.ts). */
export function reachEstimate(workspace: string, from: ReachFrom): Statement<Reach> {
  const anchor = "anchor" in from ? from.anchor : null;
  const { text, params } = render(fragment("estimate/reach", {}, { anchor, team: anchor === null }));
  return statementOf(REACH_ESTIMATE, REACH, text, { ...params, workspace });
}

/** The companies with an event in the window of `hadEvent` (which has withinDays), and their people; at most EVENTS_CAP events read. */
export function estimateEvents(db: Db, workspace: string, hadEvent: WindowedEvents): Promise<MatchingEvents> {
  return cached(["events", workspace, eventValues(hadEvent)], async () => {
    const [row] = await db.read(eventsEstimate(workspace, hadEvent));
    return row ?? { events: 0, companies: 0, employees: 0 };
  });
}

/** The statement estimateEvents reads, likewise shared by every filter. */
export function eventsEstimate(workspace: string, hadEvent: WindowedEvents): Statement<MatchingEvents> {
  const { text, params } = render(fragment("estimate/events", {}, { ...eventValues(hadEvent), cap: neo4j.int(EVENTS_CAP) }));
  return statementOf(EVENTS_ESTIMATE, EVENTS, text, { ...params, workspace });
}

/** The interests in the topics named and those narrower: at least the people an interestedIn of them matches. */
export function estimateInterests(db: Db, workspace: string, names: string[]): Promise<number> {
  const sortedNames = [...names].sort();
  return cached(["interests", workspace, sortedNames], async () => {
    const [row] = await db.read(interestsEstimate(workspace, sortedNames));
    return row?.interests ?? 0;
  });
}

/** The statement estimateInterests reads, likewise shared by every filter. */
export function interestsEstimate(workspace: string, names: string[]): Statement<RowOf<typeof INTERESTS>> {
  const { text, params } = render(fragment("estimate/interests", {}, { names }));
  return statementOf(INTERESTS_ESTIMATE, INTERESTS, text, { ...params, workspace });
}

/** The window's values, the lists sorted: a key for the estimate kept, and its parameters. */
function eventValues(hadEvent: WindowedEvents) {
  return { withinDays: hadEvent.withinDays, types: sorted(hadEvent.types), fundingStages: sorted(hadEvent.fundingStages) };
}

function sorted(list: string[] | null | undefined): string[] | null {
  return list == null ? null : [...list].sort();
}

/** The value kept under `key`, or `load`'s, kept; a failure is not kept. */
function cached<T>(key: unknown[], load: () => Promise<T>): Promise<T> {
  const name = JSON.stringify(key);
  const now = Date.now();
  const hit = kept.get(name);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  kept.delete(name);
  if (kept.size >= ESTIMATES_KEPT) kept.delete(kept.keys().next().value as string);
  const value = load();
  kept.set(name, { until: now + ESTIMATE_TTL_MS, value });
  value.catch(() => {
    if (kept.get(name)?.value === value) kept.delete(name);
  });
  return value;
}
