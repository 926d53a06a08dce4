/**
 * Two DataLoader shapes cover every batched read: a named query receives
 * `$workspace`, `$keys` and any fixed extra parameters, and returns rows of
 * `{ key, item }`. `oneByKey` gives each key its first item (or null);
 * `manyByKey` gives each key all its items, in the order the query returned
 * them. Either way, one round trip per batch, results in key order.
 */
import DataLoader from "dataloader";
import type { Plain } from "../db/mapping.js";
import type { QueryName } from "../db/query-names.js";
import type { Db, Params } from "../db/run.js";

export type Item = Record<string, Plain>;

/** @param found called with each item found, e.g. to prime another loader of the same records by another key */
export function oneByKey(db: Db, workspace: string, query: QueryName, extra: Params = {}, found?: (item: Item) => void): DataLoader<string, Item | null> {
  return new DataLoader(async (keys) => {
    const grouped = await fetchGrouped(db, workspace, query, keys, extra);
    const items = keys.map((key) => grouped.get(key)?.[0] ?? null);
    if (found) for (const item of items) if (item) found(item);
    return items;
  });
}

export function manyByKey(db: Db, workspace: string, query: QueryName, extra: Params = {}): DataLoader<string, Item[]> {
  return new DataLoader(async (keys) => {
    const grouped = await fetchGrouped(db, workspace, query, keys, extra);
    return keys.map((key) => grouped.get(key) ?? []);
  });
}

async function fetchGrouped(db: Db, workspace: string, query: QueryName, keys: readonly string[], extra: Params): Promise<Map<string, Item[]>> {
  const rows = await db.read(query, { ...extra, workspace, keys: [...new Set(keys)] });
  const grouped = new Map<string, Item[]>();
  for (const row of rows) {
    const key = row.key as string;
    const items = grouped.get(key) ?? [];
    items.push(row.item as Item);
    grouped.set(key, items);
  }
  return grouped;
}
