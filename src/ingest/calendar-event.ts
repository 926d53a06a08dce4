/**
 * Expands one event series — a VEVENT and the VEVENTs that override single
 * occurrences of it (same UID, with RECURRENCE-ID) — into the occurrences
 * that have taken place by `now`.
 *
 * RRULE, RDATE and EXDATE are expanded by ical.js; an override replaces the
 * occurrence it names: moved (its own DTSTART), re-staffed (its own attendee
 * list) or cancelled (STATUS:CANCELLED). An occurrence counts when its start
 * — where it was moved to — is at or before `now`; later ones are not
 * reported at all. Cancelled events and occurrences yield a Skipped
 * "cancelled", so counts stay visible.
 */
import ICAL from "ical.js";
import { distinctAddresses, toAddress } from "./address.js";
import { instantOf } from "./calendar-time.js";
import type { Address, MeetingOccurrence, Position, Skipped } from "./records.js";

/**
 * Occurrences read per series at most. A daily meeting held for ten years
 * has ~3,650; the cap stops a rule such as FREQ=MINUTELY from running for
 * minutes and filling the graph with one meeting. A series cut short says so
 * in a Skipped.
 */
export const MAX_OCCURRENCES = 5_000;

/** A VEVENT and its 1-based number in its source. */
export interface NumberedEvent {
  component: ICAL.Component;
  index: number;
}

export interface Series {
  source: string;
  uid: string;
  /** The VEVENT without RECURRENCE-ID; null when a file holds only overrides (an invitation to one occurrence). */
  master: NumberedEvent | null;
  overrides: NumberedEvent[];
}

export function* occurrencesOf(series: Series, now: Date): Generator<MeetingOccurrence | Skipped> {
  const indexes = new Map([series.master, ...series.overrides].flatMap((event) => (event ? [[event.component, event.index] as const] : [])));
  const place = (event: ICAL.Event): Position => ({ source: series.source, index: indexes.get(event.component) ?? 0, id: series.uid });
  if (!series.master) {
    for (const { component } of series.overrides) yield* occurrence(new ICAL.Event(component, { exceptions: [] }), null, place, series.uid, now);
    return;
  }
  const event = new ICAL.Event(series.master.component, { exceptions: series.overrides.map(({ component }) => component) });
  if (isCancelled(event.component)) {
    yield { kind: "skipped", position: place(event), reason: "cancelled" };
    return;
  }
  const visited = new Set<ICAL.Event>();
  const iterator = event.iterator();
  let count = 0;
  for (let recurrenceId = iterator.next(); recurrenceId; recurrenceId = iterator.next()) {
    const scheduled = instantOf(recurrenceId, tzidOf(event.component));
    if ("problem" in scheduled) {
      yield { kind: "skipped", position: place(event), reason: scheduled.problem };
      return;
    }
    if (scheduled.at > now) break;
    if (++count > MAX_OCCURRENCES) {
      yield { kind: "skipped", position: place(event), reason: `more than ${MAX_OCCURRENCES.toLocaleString("en")} occurrences by now: the later ones are not read` };
      return;
    }
    const details = event.getOccurrenceDetails(recurrenceId);
    visited.add(details.item);
    yield* occurrence(details.item, details.startDate, place, series.uid, now);
  }
  // Overrides the expansion did not reach: occurrences moved from after `now` to before it, or naming no occurrence of the rule.
  for (const override of Object.values(event.exceptions)) {
    if (!visited.has(override)) yield* occurrence(override, null, place, series.uid, now);
  }
}

/** One occurrence, described by `item` (the master or the override that replaces it), starting at `start` (default: item's DTSTART). */
function* occurrence(item: ICAL.Event, start: ICAL.Time | null, place: (event: ICAL.Event) => Position, uid: string, now: Date): Generator<MeetingOccurrence | Skipped> {
  const position = place(item);
  const begins = instantOf(start ?? item.startDate, tzidOf(item.component));
  if ("problem" in begins) {
    yield { kind: "skipped", position, reason: begins.problem };
    return;
  }
  if (begins.at > now) return;
  if (isCancelled(item.component)) {
    yield { kind: "skipped", position, reason: "cancelled" };
    return;
  }
  const organizer = calendarAddress(item.component.getFirstProperty("organizer"));
  yield {
    kind: "meeting",
    position,
    key: `${uid}@${begins.at.toISOString()}`,
    at: begins.at,
    organizer,
    attendees: attendeesOf(item.component, organizer),
  };
}

/**
 * The attendees who took part: not those who declined, not rooms and other
 * resources (CUTYPE=ROOM|RESOURCE: a meeting room knows nobody), not the
 * organizer, each once.
 */
function attendeesOf(component: ICAL.Component, organizer: Address | null): Address[] {
  const attendees: Address[] = [];
  for (const property of component.getAllProperties("attendee")) {
    if (parameter(property, "partstat") === "DECLINED") continue;
    const userType = parameter(property, "cutype");
    if (userType === "ROOM" || userType === "RESOURCE") continue;
    const address = calendarAddress(property);
    if (address) attendees.push(address);
  }
  return distinctAddresses(attendees, new Set(organizer ? [organizer.email] : []));
}

/** A mailto: calendar address (or RFC 7986's EMAIL parameter, for other URIs) with CN as the name. */
function calendarAddress(property: ICAL.Property | null): Address | null {
  if (!property) return null;
  const value = String(property.getFirstValue() ?? "");
  const email = stringParameter(property, "email") ?? value.replace(/^mailto:/i, "");
  return toAddress(decodePercent(email), stringParameter(property, "cn"));
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isCancelled(component: ICAL.Component): boolean {
  return String(component.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED";
}

/** The TZID its DTSTART was written with, if any. */
function tzidOf(component: ICAL.Component): string | null {
  return stringParameter(component.getFirstProperty("dtstart"), "tzid");
}

function parameter(property: ICAL.Property, name: string): string | null {
  return stringParameter(property, name)?.toUpperCase() ?? null;
}

function stringParameter(property: ICAL.Property | null, name: string): string | null {
  const value = property?.getParameter(name);
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}
