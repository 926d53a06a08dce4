/**
 * Scheduled work the instances of Rapport share. Every instance keeps its own
 * timer, and each tick asks the database for the turn (schedule/claim-turn):
 * one instance gets it, the others skip that tick, so a job scheduled every
 * hour runs about once an hour however many instances there are.
 */
import type { Db } from "./run.js";
import { integer } from "./values.js";

/**
 * A turn is granted at most once per 0.9 × the interval, not once per full
 * interval: the instance that took the last turn ticks again one interval
 * later by its own clock, which may run a little ahead of the database's.
 */
const GAP_OF_INTERVAL = 0.9;

/** True when this instance has the turn of `name` now and should run it. */
export async function claimTurn(db: Db, name: string, intervalMs: number): Promise<boolean> {
  const [row] = await db.write("schedule/claim-turn", { name, gapMs: integer(Math.floor(intervalMs * GAP_OF_INTERVAL)) });
  return row?.claimed === true;
}

/**
 * Runs `work` every `intervalMs` (and at once when `atStart`), each time only
 * if this instance claims the turn of `name`, one run at a time. Failures go
 * to `log`, never thrown. Returns how to stop; the timer does not keep the
 * process alive.
 */
export function scheduleTurns(db: Db, name: string, intervalMs: number, work: () => Promise<unknown>, log: (error: unknown) => void, atStart = true): () => void {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => (await claimTurn(db, name, intervalMs)) && work()).catch(log);
  };
  if (atStart) tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
