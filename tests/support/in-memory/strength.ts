/**
 * Connection.strength as schema.graphql states it, written from that text
 * alone and on purpose unlike src/relationships/strength.ts: it sums every
 * interaction's weight decayed to `now` directly, in one pass, per pair.
 */
export interface HistoryItem {
  at: Date;
  /** Who sent it, or null for a meeting or call. */
  sentBy: "user" | "person" | null;
}

export function documentedStrength(history: readonly HistoryItem[], floor: number | null, now: Date, halfLifeDays = 90): number {
  const bySender = { user: 0, person: 0 };
  let twoWay = 0;
  let volume = 0;
  for (const item of history) {
    if (item.sentBy === null) twoWay += 1;
    else bySender[item.sentBy] += 1;
    const ageDays = Math.max(0, now.getTime() - item.at.getTime()) / 86_400_000;
    volume += (item.sentBy === null ? 2 : 1) * Math.pow(0.5, ageDays / halfLifeDays);
  }
  const reciprocal = twoWay > 0 || (bySender.user > 0 && bySender.person > 0);
  const derived = reciprocal ? 1 - Math.exp(-volume / 4) : 0;
  return Math.max(floor ?? 0, derived);
}
