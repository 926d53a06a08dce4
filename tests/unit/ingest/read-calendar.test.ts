import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_OCCURRENCES } from "../../../src/ingest/calendar-event.js";
import { readCalendar } from "../../../src/ingest/read-calendar.js";
import type { MeetingOccurrence, Skipped } from "../../../src/ingest/records.js";

const NOW = new Date("2024-07-01T00:00:00Z");

/** What Outlook writes for Central European time: a Windows zone name, with its own definition. */
const OUTLOOK_ZONE = [
  "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time",
  "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
  "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT",
  "END:VTIMEZONE",
];

function calendar(...parts: string[][]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", ...parts.flat(), "END:VCALENDAR", ""].join("\r\n");
}

function vevent(...lines: string[]): string[] {
  return ["BEGIN:VEVENT", ...lines, "SUMMARY:never read", "END:VEVENT"];
}

async function read(text: string, now = NOW): Promise<(MeetingOccurrence | Skipped)[]> {
  const records: (MeetingOccurrence | Skipped)[] = [];
  for await (const record of readCalendar({ stream: Readable.from([Buffer.from(text)]), name: "calendar.ics" }, { now })) records.push(record);
  return records;
}

/** [ISO start, index] of each meeting and [reason, index] of each Skipped, in order. */
function outline(records: (MeetingOccurrence | Skipped)[]): string[] {
  return records.map((record) => (record.kind === "meeting" ? `${record.at.toISOString()} #${record.position.index}` : `skipped ${record.reason} #${record.position.index}`));
}

describe("readCalendar: people", () => {
  it("reads the organizer and the attendees who took part, by their mailto: addresses and CN names", async () => {
    const [meeting] = await read(calendar(OUTLOOK_ZONE, vevent(
      "UID:040000008200E00074C5B7101A82E008",
      "DTSTART;TZID=W. Europe Standard Time:20240115T100000",
      'ORGANIZER;CN="Lee, Ann":mailto:Ann@Acme.io',
      "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ann Lee:mailto:ann@acme.io",
      "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Chuck Rivera:MAILTO:chuck@globex.com",
      "ATTENDEE;PARTSTAT=DECLINED;CN=Dan:mailto:dan@globex.com",
      "ATTENDEE;CUTYPE=ROOM;CN=Room 4.01:mailto:room401@acme.io",
      "ATTENDEE;PARTSTAT=TENTATIVE:mailto:erin@initech.fr",
      "ATTENDEE;CN=Chuck again:mailto:chuck@globex.com",
      "ATTENDEE;CN=No address:urn:uuid:0b4f6c2e",
    )));
    expect(meeting).toEqual({
      kind: "meeting",
      position: { source: "calendar.ics", index: 1, id: "040000008200E00074C5B7101A82E008" },
      key: "040000008200E00074C5B7101A82E008@2024-01-15T09:00:00.000Z",
      at: new Date("2024-01-15T09:00:00.000Z"),
      organizer: { email: "ann@acme.io", name: "Lee, Ann" },
      attendees: [
        { email: "chuck@globex.com", name: "Chuck Rivera" },
        { email: "erin@initech.fr", name: null },
      ],
    });
  });
});

describe("readCalendar: time zones", () => {
  it("resolves Outlook's Windows zone name with the VTIMEZONE it wrote, winter and summer", async () => {
    const records = await read(calendar(OUTLOOK_ZONE,
      vevent("UID:winter", "DTSTART;TZID=W. Europe Standard Time:20240115T100000"),
      vevent("UID:summer", "DTSTART;TZID=W. Europe Standard Time:20240610T100000"),
    ));
    expect(outline(records)).toEqual(["2024-01-15T09:00:00.000Z #1", "2024-06-10T08:00:00.000Z #2"]);
  });

  it("reads UTC times as written and floating times as UTC", async () => {
    const records = await read(calendar(vevent("UID:utc", "DTSTART:20240115T100000Z"), vevent("UID:floating", "DTSTART:20240115T100000"), vevent("UID:all-day", "DTSTART;VALUE=DATE:20240115")));
    expect(outline(records)).toEqual(["2024-01-15T10:00:00.000Z #1", "2024-01-15T10:00:00.000Z #2", "2024-01-15T00:00:00.000Z #3"]);
  });

  it("reads an IANA TZID without VTIMEZONE by the runtime's zone data, and skips an unknown one naming it", async () => {
    const records = await read(calendar(
      vevent("UID:berlin", "DTSTART;TZID=Europe/Berlin:20240610T100000"),
      vevent("UID:new-york", "DTSTART;TZID=America/New_York:20240115T100000"),
      vevent("UID:mars", "DTSTART;TZID=Mars/Olympus Mons:20240115T100000"),
    ));
    expect(outline(records)).toEqual([
      "2024-06-10T08:00:00.000Z #1",
      "2024-01-15T15:00:00.000Z #2",
      'skipped unknown time zone "Mars/Olympus Mons" (no VTIMEZONE in the calendar, not an IANA zone) #3',
    ]);
  });

  it("keeps a weekly meeting at 10:00 local time across the change to summer time", async () => {
    const records = await read(calendar(OUTLOOK_ZONE, vevent("UID:weekly", "DTSTART;TZID=W. Europe Standard Time:20240318T100000", "RRULE:FREQ=WEEKLY;COUNT=3")));
    expect(outline(records)).toEqual(["2024-03-18T09:00:00.000Z #1", "2024-03-25T09:00:00.000Z #1", "2024-04-01T08:00:00.000Z #1"]);
  });
});

describe("readCalendar: recurrence", () => {
  it("expands RRULE with EXDATE and RDATE, applies moved and cancelled overrides, and stops at now", async () => {
    const series = calendar(OUTLOOK_ZONE,
      vevent(
        "UID:standup",
        "DTSTART;TZID=W. Europe Standard Time:20240603T100000",
        "RRULE:FREQ=WEEKLY;BYDAY=MO",
        "EXDATE;TZID=W. Europe Standard Time:20240610T100000",
        "RDATE;TZID=W. Europe Standard Time:20240612T150000",
        "ORGANIZER;CN=Ann:mailto:ann@acme.io",
        "ATTENDEE:mailto:bob@acme.io",
      ),
      // Moved from Monday 17th to Tuesday 18th, with someone else.
      vevent("UID:standup", "RECURRENCE-ID;TZID=W. Europe Standard Time:20240617T100000", "DTSTART;TZID=W. Europe Standard Time:20240618T110000", "ORGANIZER:mailto:ann@acme.io", "ATTENDEE:mailto:carol@acme.io"),
      vevent("UID:standup", "RECURRENCE-ID;TZID=W. Europe Standard Time:20240624T100000", "DTSTART;TZID=W. Europe Standard Time:20240624T100000", "STATUS:CANCELLED"),
      // Moved from after now (8 July) to before it.
      vevent("UID:standup", "RECURRENCE-ID;TZID=W. Europe Standard Time:20240708T100000", "DTSTART;TZID=W. Europe Standard Time:20240628T090000"),
      // Moved from before now (3 June) to after it: not held yet.
      vevent("UID:standup", "RECURRENCE-ID;TZID=W. Europe Standard Time:20240603T100000", "DTSTART;TZID=W. Europe Standard Time:20240715T100000"),
    );
    const records = await read(series);
    expect(outline(records)).toEqual([
      "2024-06-12T13:00:00.000Z #1",
      "2024-06-18T09:00:00.000Z #2",
      "skipped cancelled #3",
      "2024-06-28T07:00:00.000Z #4",
    ]);
    const moved = records[1] as MeetingOccurrence;
    expect(moved.key).toBe("standup@2024-06-18T09:00:00.000Z");
    expect(moved.attendees).toEqual([{ email: "carol@acme.io", name: null }]);
    expect((records[0] as MeetingOccurrence).attendees).toEqual([{ email: "bob@acme.io", name: null }]);
  });

  it("reads an override whose series is not in the file as a single occurrence", async () => {
    const records = await read(calendar(vevent("UID:one-of-many", "RECURRENCE-ID:20240610T080000Z", "DTSTART:20240610T090000Z", "ATTENDEE:mailto:bob@acme.io")));
    expect(outline(records)).toEqual(["2024-06-10T09:00:00.000Z #1"]);
  });

  it(`reads at most ${MAX_OCCURRENCES} occurrences of a series and says so`, async () => {
    const records = await read(calendar(vevent("UID:every-minute", "DTSTART:20240101T000000Z", "RRULE:FREQ=MINUTELY")));
    expect(records.filter((record) => record.kind === "meeting")).toHaveLength(MAX_OCCURRENCES);
    expect(records.at(-1)).toEqual({ kind: "skipped", position: { source: "calendar.ics", index: 1, id: "every-minute" }, reason: "more than 5,000 occurrences by now: the later ones are not read" });
  });

  it("counts nothing of a meeting that has not happened yet", async () => {
    expect(await read(calendar(vevent("UID:next-week", "DTSTART:20240708T100000Z", "RRULE:FREQ=DAILY")))).toEqual([]);
  });
});

describe("readCalendar: what yields no meeting", () => {
  it("skips cancelled events once, and events without UID or DTSTART or unreadable, each with its position; the others are read", async () => {
    const records = await read(calendar(
      vevent("UID:called-off", "DTSTART:20240115T100000Z", "RRULE:FREQ=DAILY", "STATUS:CANCELLED"),
      vevent("DTSTART:20240115T100000Z"),
      vevent("UID:no-start"),
      vevent("UID:bad-rule", "DTSTART:20240115T100000Z", "RRULE:FREQ=WEEKLY;BYDAY=XX"),
      vevent("UID:junk-line", "DTSTART:20240115T100000Z", "this line is junk"),
      vevent("UID:bad-start", "DTSTART:20241"),
      vevent("UID:fine", "DTSTART:20240115T100000Z"),
    ));
    expect(records.map((record) => [record.kind === "skipped" && record.reason.replace(/:.*/, ""), record.position])).toEqual([
      ["cancelled", { source: "calendar.ics", index: 1, id: "called-off" }],
      ["no UID", { source: "calendar.ics", index: 2, id: null }],
      ["no DTSTART", { source: "calendar.ics", index: 3, id: "no-start" }],
      ["unreadable event", { source: "calendar.ics", index: 4, id: "bad-rule" }],
      ["unreadable event", { source: "calendar.ics", index: 5, id: "junk-line" }],
      ["unreadable event", { source: "calendar.ics", index: 6, id: "bad-start" }],
      [false, { source: "calendar.ics", index: 7, id: "fine" }],
    ]);
  });

  it("reports a file that is not iCalendar, or is broken, as one Skipped for the whole file", async () => {
    expect(await read("From: ann@acme.io\r\n\r\nnot a calendar\r\n")).toEqual([
      { kind: "skipped", position: { source: "calendar.ics", index: 0, id: null }, reason: "not iCalendar (does not start with BEGIN:VCALENDAR)" },
    ]);
    const [broken] = await read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n");
    expect(broken).toMatchObject({ kind: "skipped", position: { index: 0 }, reason: expect.stringMatching(/^unreadable iCalendar: /) });
  });

  it("reads no further than the start of a stream that is not iCalendar", async () => {
    let chunksRead = 0;
    async function* video(): AsyncGenerator<Buffer> {
      for (;;) {
        chunksRead += 1;
        yield Buffer.alloc(64 * 1024, 0x42);
      }
    }
    const records: (MeetingOccurrence | Skipped)[] = [];
    for await (const record of readCalendar({ stream: Readable.from(video()), name: "video.mp4" }, { now: NOW })) records.push(record);
    expect(records).toMatchObject([{ kind: "skipped", position: { index: 0 }, reason: "not iCalendar (does not start with BEGIN:VCALENDAR)" }]);
    expect(chunksRead).toBeLessThan(5);
  });

  it("refuses to run without a valid now", async () => {
    await expect(read(calendar(), new Date("not a date"))).rejects.toThrow(/options.now/);
  });
});

describe("readCalendar: sources", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "rapport-calendar-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a file by path, numbering VEVENTs across the VCALENDARs it holds", async () => {
    const file = path.join(dir, "export.ics");
    await writeFile(file, calendar(vevent("UID:a", "DTSTART:20240115T100000Z")) + calendar(vevent("UID:b", "DTSTART:20240116T100000Z")));
    const records: (MeetingOccurrence | Skipped)[] = [];
    for await (const record of readCalendar({ path: file }, { now: NOW })) records.push(record);
    expect(records.map((record) => [record.position.source, record.position.index, record.position.id])).toEqual([[file, 1, "a"], [file, 2, "b"]]);
  });
});
