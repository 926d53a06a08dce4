/**
 * Turns an ical.js time into an instant, by the zone it was written in.
 *
 * ical.js resolves a TZID with the VTIMEZONE of the calendar the property
 * belongs to (it looks it up in the component tree, so Outlook's own zone
 * names such as "W. Europe Standard Time" work with the definition Outlook
 * wrote) and otherwise with its process-wide TimezoneService, which knows
 * only UTC. We register nothing there: a calendar's zones would outlive its
 * parse and could meet another calendar's different definition under the
 * same name. A TZID that resolves to neither ends up a floating time in
 * ical.js, silently; here it is read as an IANA zone when the runtime knows
 * one of that name (generators that omit VTIMEZONE write IANA names), and is
 * otherwise refused with the zone's name.
 */
import ICAL from "ical.js";

export type Instant = { at: Date } | { problem: string };

/**
 * `tzid` is the TZID parameter the time was written with (null for UTC and
 * floating times). Floating times — no TZID, no Z — and all-day dates are
 * read as UTC: a floating meeting happens at that wall-clock time wherever
 * its attendees are, and no zone in the file says where that is.
 */
export function instantOf(time: ICAL.Time, tzid: string | null): Instant {
  if (time.zone !== ICAL.Timezone.localTimezone) return { at: new Date(time.toUnixTime() * 1000) };
  const wallClockAsUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  if (tzid === null || time.isDate) return { at: new Date(wallClockAsUtc) };
  const zone = ianaZone(tzid);
  if (!zone) return { problem: `unknown time zone "${tzid}" (no VTIMEZONE in the calendar, not an IANA zone)` };
  return { at: new Date(wallClockInZone(wallClockAsUtc, zone)) };
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for the IANA zone `tzid`, or null when the runtime knows no zone of that name. */
function ianaZone(tzid: string): Intl.DateTimeFormat | null {
  let format = zoneFormats.get(tzid);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: tzid, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
      });
    } catch {
      format = null;
    }
    zoneFormats.set(tzid, format);
  }
  return format;
}

/**
 * The instant at which the zone's clocks show the wall-clock time
 * `wallClockAsUtc` (that time read as if it were UTC). The zone's offset is
 * taken at a first guess and corrected once, which settles every transition;
 * a wall-clock time skipped by a spring-forward gap lands after the gap.
 */
function wallClockInZone(wallClockAsUtc: number, zone: Intl.DateTimeFormat): number {
  const guess = wallClockAsUtc - offsetAt(wallClockAsUtc, zone);
  return wallClockAsUtc - offsetAt(guess, zone);
}

/** The zone's offset from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, zone: Intl.DateTimeFormat): number {
  const part: Record<string, number> = {};
  for (const { type, value } of zone.formatToParts(instant)) part[type] = Number(value);
  const shown = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return shown - Math.floor(instant / 1000) * 1000;
}
