/**
 * How long a tracking message's id is kept: long enough that a client's
 * retry or a replayed batch is recognised and records nothing new, not for
 * ever. Segment's own API keeps message ids for about 24 hours; Rapport keeps
 * them RAPPORT_TRACKING_KEEP_DAYS (default 7). A replay after that is still
 * harmless for what tracking writes on natural keys (an engagement is its
 * person, content, action and time), but would be counted again in
 * Query.trackingStats, which counts the messages kept.
 *
 * Old ids are removed every hour, on one instance (db/turns.ts), in batches.
 */
import type { Db } from "../db/run.js";
import { scheduleTurns } from "../db/turns.js";
import { integer, utcDateTime } from "../db/values.js";

const BATCH = 10_000;
const DAY_MS = 86_400_000;

/** Removes the ids of messages received more than `keepDays` before `now`; resolves with how many. */
export async function forgetOldMessages(db: Db, keepDays: number, now: Date = new Date()): Promise<number> {
  const before = utcDateTime(new Date(now.getTime() - keepDays * DAY_MS).toISOString());
  let removed = 0;
  for (;;) {
    const [row] = await db.write("tracking/forget-old", { before, limit: integer(BATCH) });
    removed += row?.removed ?? 0;
    if ((row?.removed ?? 0) < BATCH) return removed;
  }
}

export function scheduleRetention(db: Db, keepDays: number, log: (error: unknown) => void): () => void {
  return scheduleTurns(db, "retention of tracking message ids", 3_600_000, () => forgetOldMessages(db, keepDays), log);
}
