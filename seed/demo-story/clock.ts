/**
 * Every date in the demo story is an offset from one `now`, so windows such
 * as "the last 90 days" keep the same answers whenever the story is loaded.
 * All arithmetic is in UTC: the graph stores a plain date as midnight UTC.
 */
const DAY_MS = 86_400_000;

export interface StoryClock {
  /** The calendar date `days` before now, as YYYY-MM-DD. */
  daysAgo(days: number): string;
  /** An instant on the calendar date `days` before now, at `time` (HH:MM) UTC. */
  daysAgoAt(days: number, time: string): string;
  /** The calendar date `days` after now, as YYYY-MM-DD. */
  daysFromNow(days: number): string;
  /** The calendar date roughly `months` before now; for start dates, where the exact day is irrelevant. */
  monthsAgo(months: number): string;
}

export function storyClock(now: Date): StoryClock {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError("the demo story needs a valid `now`");
  const daysAgo = (days: number): string => new Date(nowMs - days * DAY_MS).toISOString().slice(0, 10);
  return {
    daysAgo,
    daysAgoAt(days, time) {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new RangeError(`time must be HH:MM, got "${time}"`);
      return `${daysAgo(days)}T${time}:00Z`;
    },
    daysFromNow: (days) => daysAgo(-days),
    monthsAgo: (months) => daysAgo(Math.round(months * 30.44)),
  };
}
