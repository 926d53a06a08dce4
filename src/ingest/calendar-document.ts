/**
 * Parses an iCalendar document so that one broken event costs that event,
 * not the calendar: ical.js refuses a whole document for one bad line (an
 * RRULE with BYDAY=XX, a line without a colon). So each VEVENT is cut out of
 * the text and parsed on its own, and then attached to its VCALENDAR, parsed
 * without its events, whose VTIMEZONEs resolve the event's TZIDs.
 */
import ICAL from "ical.js";
import type { NumberedEvent } from "./calendar-event.js";

/** A VEVENT that ical.js could not parse: its number, its UID if a UID line can be found, and ical.js's complaint. */
export interface UnreadableEvent {
  index: number;
  uid: string | null;
  problem: string;
}

/** The VEVENTs, numbered from 1 in file order. */
export type CalendarDocument = (NumberedEvent | UnreadableEvent)[];

const LINE_END = /\r?\n/;

/** Throws when the document around the events cannot be parsed: then nothing in it can be trusted. */
export function parseCalendarDocument(text: string): CalendarDocument {
  const { shell, vevents } = cutEvents(text);
  const parsed: unknown = ICAL.parse(shell.join("\r\n"));
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
  const calendars = roots.map((jCal) => new ICAL.Component(jCal));
  return vevents.map(({ lines, calendar }, at) => {
    const index = at + 1;
    try {
      const component = new ICAL.Component(ICAL.parse(lines.join("\r\n")) as unknown[]);
      calendars[calendar]?.addSubcomponent(component);
      return { component, index };
    } catch (error) {
      const uidLine = lines.find((line) => /^UID[;:]/i.test(line));
      return { index, uid: uidLine ? uidLine.slice(uidLine.indexOf(":") + 1).trim() || null : null, problem: (error as Error).message };
    }
  });
}

/**
 * Splits the text's lines into the VEVENTs (each with the number of the
 * VCALENDAR it sits in) and the rest. Content lines are cut where they start;
 * a folded line's continuation starts with a blank, so it never looks like
 * BEGIN:VEVENT. An event not closed by END:VEVENT takes the rest of the
 * text, so the shell is left unclosed and refused.
 */
function cutEvents(text: string): { shell: string[]; vevents: { lines: string[]; calendar: number }[] } {
  const shell: string[] = [];
  const vevents: { lines: string[]; calendar: number }[] = [];
  let calendar = -1;
  let event: string[] | null = null;
  for (const line of text.split(LINE_END)) {
    const marker = line.trimEnd().toUpperCase();
    if (event) {
      event.push(line);
      if (marker === "END:VEVENT") event = null;
    } else if (marker === "BEGIN:VEVENT") {
      event = [line];
      vevents.push({ lines: event, calendar });
    } else {
      if (marker === "BEGIN:VCALENDAR") calendar += 1;
      shell.push(line);
    }
  }
  return { shell, vevents };
}
