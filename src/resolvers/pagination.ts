/**
 * Relay-style connections over keyset pages. A cursor is the opaque form of
 * a row's sort key; a page asks for one row more than it returns to know
 * whether another page follows. totalCount is a function, so the default
 * resolver counts only when a client asks for it.
 */
import { AppError, ErrorCode } from "../errors.js";
import type { Item } from "../loaders/keyed.js";
import type { PageKey } from "../filters/statements.js";

export interface Connection {
  edges: { cursor: string; node: Item }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): PageKey | null {
  if (cursor == null) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === "string")) return key as PageKey;
  } catch {
    // falls through to the error below
  }
  throw new AppError(ErrorCode.BAD_USER_INPUT, "after is not a cursor this API gave out", { argument: "after" });
}

export function connection(rows: Item[], first: number, keyOf: (item: Item) => PageKey, count: () => Promise<number>): Connection {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: count };
}
