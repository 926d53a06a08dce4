/**
 * Derived strengths decay with time even when nothing is written, and
 * filters, paths and scores read the stored strength. So the server brings
 * every derived strength up to date at start and then every
 * RAPPORT_DECAY_EVERY_MINUTES (default 60): a stored strength is the exact
 * strength as of at most that long ago (with the default half-life of 90
 * days, an hour's decay is under 0.03% of the strength). Each turn runs
 * once, on one instance (db/turns.ts): several instances on one database, or
 * a restart within the interval, do not run it again.
 *
 * Connections are taken oldest first from the index on `derivedAt`, in
 * batches, each batch one transaction, until none computed before the run
 * began is left; a run cut short is finished by the next.
 */
import type { QueryRow } from "../db/query-names.js";
import type { Db } from "../db/run.js";
import { scheduleTurns } from "../db/turns.js";
import { integer, utcDateTime } from "../db/values.js";
import { derivedStrength, type Evidence } from "./strength.js";

const BATCH = 5_000;

export interface DecayRun {
  connections: number;
  seconds: number;
}

/** Computes again, as of `now`, every derived strength computed before it: in `workspace`, or in all when it is null. */
export async function decayStrengths(db: Db, halfLifeDays: number, now: Date = new Date(), workspace: string | null = null): Promise<DecayRun> {
  const started = performance.now();
  const asOf = utcDateTime(now.toISOString());
  let connections = 0;
  for (;;) {
    const due = await db.read("relationship/due-for-decay", { before: asOf, workspace, limit: integer(BATCH) });
    if (due.length === 0) break;
    const rows = due.map((row) => ({ id: row.id, derived: derivedStrength(storedEvidence(row), now.getTime(), halfLifeDays) }));
    await db.write("relationship/store-decay", { now: asOf, rows });
    connections += rows.length;
  }
  return { connections, seconds: Math.round(performance.now() - started) / 1000 };
}

/** What a connection keeps of its evidence is enough for the rule: counts, and the volume as of the last interaction. */
function storedEvidence({ evidence: e }: QueryRow<"relationship/due-for-decay">): Evidence {
  return {
    firstToSecond: e.sentLowToHigh ?? 0,
    secondToFirst: e.sentHighToLow ?? 0,
    twoWay: e.twoWay ?? 0,
    firstAtMs: null,
    lastAtMs: e.volumeAt === null ? null : Date.parse(e.volumeAt),
    volumeAtLast: e.volume ?? 0,
  };
}

/** Runs decayStrengths now and every `decayEveryMinutes`, on the turns this instance claims; the returned function stops it. */
export function scheduleDecay(db: Db, settings: { halfLifeDays: number; decayEveryMinutes: number }, log: (error: unknown) => void): () => void {
  if (settings.decayEveryMinutes === 0) return () => {};
  return scheduleTurns(db, "decay of strengths", settings.decayEveryMinutes * 60_000, () => decayStrengths(db, settings.halfLifeDays), log);
}
