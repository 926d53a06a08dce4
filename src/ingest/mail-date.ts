/**
 * Reads a mail Date header strictly. JavaScript's Date parser guesses: it
 * reads a date without a zone in the machine's zone and turns "12" into 2001,
 * and some mail parsers go further and date a message "now" when its Date is
 * missing. A wrong date puts a relationship in the wrong year, so a Date that
 * is not unambiguous is refused, and the caller skips the message.
 *
 * Accepted: RFC 5322 date-time, with its obsolete forms (two- or three-digit
 * years, zone names UT, GMT, Z and the US zones, a trailing comment such as
 * "(CET)", any folding whitespace), and ISO 8601 with a Z or an explicit
 * offset, which some generators write instead.
 */

export type MailDate = { at: Date } | { problem: string };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};
/** RFC 5322 §4.3 obsolete zone names, in minutes east of UTC. */
const ZONE_NAMES: Readonly<Record<string, number>> = {
  ut: 0, gmt: 0, z: 0, utc: 0, edt: -240, est: -300, cdt: -300, cst: -360, mdt: -360, mst: -420, pdt: -420, pst: -480,
};
const RFC_5322 =
  /^(?:[a-z]{3},?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2}))?\s*(?:([+-])(\d{2}):?(\d{2})|([a-z]{1,3}))?\s*(?:\(.*\))?$/i;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

export function readMailDate(value: string): MailDate {
  const text = value.replace(/\s+/g, " ").trim();
  const rfc = RFC_5322.exec(text);
  if (rfc) return fromRfc5322(rfc, text);
  const iso = ISO_8601.exec(text);
  if (iso) return fromIso8601(iso, text);
  return { problem: `unreadable Date "${text}"` };
}

function fromRfc5322(match: RegExpExecArray, text: string): MailDate {
  const [, day, monthName, yearText, hour, minute, second, sign, offsetHours, offsetMinutes, zoneName] = match;
  const month = MONTHS[monthName!.toLowerCase()];
  if (month === undefined) return { problem: `unreadable Date "${text}": no month "${monthName}"` };
  let offset: number | undefined;
  if (sign) offset = (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  else if (zoneName) offset = ZONE_NAMES[zoneName.toLowerCase()];
  if (offset === undefined) return { problem: `Date "${text}" has no zone offset${zoneName ? ` (unknown zone "${zoneName}")` : ""}` };
  return instant(text, fullYear(yearText!), month, Number(day), Number(hour), Number(minute), Number(second ?? 0), offset);
}

function fromIso8601(match: RegExpExecArray, text: string): MailDate {
  const [, year, month, day, hour, minute, second, zulu, sign, offsetHours, offsetMinutes] = match;
  const offset = zulu ? 0 : (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return instant(text, Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0), offset);
}

/** RFC 5322 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx; three-digit years add 1900. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

/** Builds the instant, refusing fields out of range rather than letting Date roll 31 Feb into March. */
function instant(text: string, year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMinutes: number): MailDate {
  const local = new Date(Date.UTC(year, month, day, hour, minute, Math.min(second, 59)));
  const inRange =
    local.getUTCFullYear() === year && local.getUTCMonth() === month && local.getUTCDate() === day &&
    hour <= 23 && minute <= 59 && second <= 60 && Math.abs(offsetMinutes) < 24 * 60 && year >= 1970;
  if (!inRange) return { problem: `Date "${text}" is out of range` };
  return { at: new Date(local.getTime() - offsetMinutes * 60_000) };
}
