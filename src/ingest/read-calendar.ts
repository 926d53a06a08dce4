/**
 * readCalendar: iCalendar files and streams → one MeetingOccurrence per
 * occurrence of a meeting held by `now`, or a Skipped that says why not.
 *
 * What it reads: an .ics file or stream (one or more VCALENDARs), or a
 * directory of them, walked as readMail walks one (see source-files.ts); a
 * file that is not iCalendar yields one Skipped for the whole file (index 0).
 * VEVENTs are numbered from 1 in file order; an occurrence's Position is the
 * VEVENT that describes it (the override, for a moved occurrence).
 *
 * What it guarantees: every VEVENT is accounted for — it yields its
 * occurrences up to `now`, or a Skipped (no UID, no DTSTART, cancelled,
 * unknown time zone, unreadable), or nothing when all its occurrences are
 * after `now`. Times are instants by the calendar's own VTIMEZONEs (see
 * calendar-time.ts). A calendar is parsed whole, as ical.js requires; overrides
 * of a series may sit anywhere in the file, so its events are needed together
 * anyway. Calendar exports are megabytes where mailboxes are gigabytes; a file
 * over MAX_CALENDAR_BYTES is skipped, and of a file that is not iCalendar only
 * the first bytes are read.
 */
import { parseCalendarDocument, type CalendarDocument } from "./calendar-document.js";
import { occurrencesOf, type Series } from "./calendar-event.js";
import type { IngestSource, MeetingOccurrence, Skipped } from "./records.js";
import { inputsOf } from "./source-files.js";

const CALENDAR_START = /^\uFEFF?\s*BEGIN:VCALENDAR[ \t]*\r?\n/i;
/** Enough of the start of a file to find BEGIN:VCALENDAR after a byte order mark and blank lines. */
const SNIFF_BYTES = 256;
const NOT_ICALENDAR = "not iCalendar (does not start with BEGIN:VCALENDAR)";
/** A calendar is parsed whole: ten years of a busy calendar are tens of MiB, so a larger file is not a calendar export. */
const MAX_CALENDAR_BYTES = 256 * 2 ** 20;

export async function* readCalendar(source: IngestSource, options: { now: Date }): AsyncGenerator<MeetingOccurrence | Skipped> {
  const { now } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError("readCalendar needs options.now, a valid Date");
  for await (const input of inputsOf(source)) {
    if ("reason" in input) {
      yield wholeSourceSkipped(input.name, input.reason);
      continue;
    }
    const text = await readCalendarText(input.chunks);
    if (typeof text === "string") yield* readCalendarDocument(text, input.name, now);
    else yield wholeSourceSkipped(input.name, text.problem);
  }
}

/**
 * The text of a calendar; read no further than its first bytes when it is
 * not one, and no further than MAX_CALENDAR_BYTES when it is too large to
 * parse whole.
 */
async function readCalendarText(chunks: AsyncIterable<Buffer>): Promise<string | { problem: string }> {
  const read: Buffer[] = [];
  let size = 0;
  let checked = false;
  for await (const chunk of chunks) {
    read.push(chunk);
    size += chunk.length;
    if (size > MAX_CALENDAR_BYTES) return { problem: `larger than ${MAX_CALENDAR_BYTES / 2 ** 20} MiB, too large to parse whole` };
    if (!checked && size >= SNIFF_BYTES) {
      if (!looksLikeCalendar(read)) return { problem: NOT_ICALENDAR };
      checked = true;
    }
  }
  return checked || looksLikeCalendar(read) ? Buffer.concat(read).toString("utf8") : { problem: NOT_ICALENDAR };
}

function looksLikeCalendar(chunks: Buffer[]): boolean {
  return CALENDAR_START.test(Buffer.concat(chunks).toString("utf8", 0, SNIFF_BYTES));
}

function* readCalendarDocument(text: string, source: string, now: Date): Generator<MeetingOccurrence | Skipped> {
  let document: CalendarDocument;
  try {
    document = parseCalendarDocument(text);
  } catch (error) {
    yield wholeSourceSkipped(source, `unreadable iCalendar: ${(error as Error).message}`);
    return;
  }
  for (const item of seriesOf(document, source)) {
    if ("kind" in item) {
      yield item;
      continue;
    }
    const first = item.master ?? item.overrides[0]!;
    try {
      yield* occurrencesOf(item, now);
    } catch (error) {
      yield { kind: "skipped", position: { source, index: first.index, id: item.uid }, reason: `unreadable event: ${(error as Error).message}` };
    }
  }
}

/**
 * Groups VEVENTs into series by UID, in the order of each series' first
 * VEVENT; a VEVENT that is unreadable or has no UID or DTSTART is a Skipped in its place. Two
 * VEVENTs with one UID and no RECURRENCE-ID (a calendar exported twice into
 * one file) are two series; overrides belong to the first.
 */
function seriesOf(events: CalendarDocument, source: string): (Series | Skipped)[] {
  const ordered: (Series | Skipped)[] = [];
  const byUid = new Map<string, Series>();
  for (const event of events) {
    if ("problem" in event) {
      ordered.push({ kind: "skipped", position: { source, index: event.index, id: event.uid }, reason: `unreadable event: ${event.problem}` });
      continue;
    }
    const uid = String(event.component.getFirstPropertyValue("uid") ?? "").trim();
    const missing = !uid ? "no UID" : !event.component.hasProperty("dtstart") ? "no DTSTART" : null;
    if (missing) {
      ordered.push({ kind: "skipped", position: { source, index: event.index, id: uid || null }, reason: missing });
      continue;
    }
    const isOverride = event.component.hasProperty("recurrence-id");
    let series = byUid.get(uid);
    if (!series || (!isOverride && series.master)) {
      series = { source, uid, master: null, overrides: [] };
      if (!byUid.has(uid)) byUid.set(uid, series);
      ordered.push(series);
    }
    if (isOverride) series.overrides.push(event);
    else series.master = event;
  }
  return ordered;
}

function wholeSourceSkipped(source: string, reason: string): Skipped {
  return { kind: "skipped", position: { source, index: 0, id: null }, reason };
}
