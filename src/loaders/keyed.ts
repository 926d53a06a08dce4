/**
 * Two DataLoader shapes cover every batched read: a named query receives
 * `$workspace`, `$keys` and any fixed extra parameters, and returns rows of
 * `{ key, item }` (Db checks the columns of every result). `oneByKey` gives
 * each key its first item (or null); `manyByKey` gives each key all its
 * items, in the order the query returned them. Either way, one round trip per
 * batch, results in key order.
 */
import DataLoader from "dataloader";
import type { ItemOf, KeyedQueryName } from "../db/query-names.js";
import type { Db, Params } from "../db/run.js";

/** @param found called with each item found, e.g. to prime another loader of the same records by another key */
export function oneByKey<N extends KeyedQueryName>(db: Db, workspace: string, query: N, extra: Params = {}, found?: (item: ItemOf<N>) => void): DataLoader<string, ItemOf<N> | null> {
  return new DataLoader(async (keys) => {
    const grouped = await fetchGrouped(db, workspace, query, keys, extra);
    const items = keys.map((key) => grouped.get(key)?.[0] ?? null);
    if (found) for (const item of items) if (item !== null) found(item);
    return items;
  });
}

export function manyByKey<N extends KeyedQueryName>(db: Db, workspace: string, query: N, extra: Params = {}): DataLoader<string, ItemOf<N>[]> {
  return new DataLoader(async (keys) => {
    const grouped = await fetchGrouped(db, workspace, query, keys, extra);
    return keys.map((key) => grouped.get(key) ?? []);
  });
}

async function fetchGrouped<N extends KeyedQueryName>(db: Db, workspace: string, query: N, keys: readonly string[], extra: Params): Promise<Map<string, ItemOf<N>[]>> {
  const rows = await db.readKeyed(query, { ...extra, workspace, keys: [...new Set(keys)] });
  const grouped = new Map<string, ItemOf<N>[]>();
  for (const { key, item } of rows) {
    const items = grouped.get(key) ?? [];
    items.push(item);
    grouped.set(key, items);
  }
  return grouped;
}
