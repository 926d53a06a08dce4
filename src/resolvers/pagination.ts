/**
 * Relay-style connections over keyset pages. A cursor is the opaque form of
 * a row's sort key (as JSON); a page asks for one row more than it
 * returns to know whether another page follows. totalCount is a function, so
 * the default resolver counts only when a client asks for it.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { AppError, ErrorCode } from "../errors.js";

export interface Connection<E extends { node: unknown }> {
  edges: (E & { cursor: string })[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Absent from connections whose type has no totalCount. */
  totalCount?: () => Promise<number>;
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The key in a cursor, when `isKey` accepts it; any other text is the client's mistake. */
export function decodeCursor<K>(cursor: string | null | undefined, isKey: (key: unknown) => key is K): K | null {
  if (cursor == null) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (isKey(key)) return key;
  } catch {
    // falls through to the error below
  }
  throw new AppError(ErrorCode.BAD_USER_INPUT, "after is not a cursor this API gave out", { argument: "after" });
}

/** @param rows at most first + 1 edges (without cursors), in order */
export function connection<E extends { node: unknown }>(rows: E[], first: number, keyOf: (edge: E) => unknown, count?: () => Promise<number>): Connection<E> {
  const edges = rows.slice(0, first).map((edge) => ({ ...edge, cursor: encodeCursor(keyOf(edge)) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, ...(count && { totalCount: count }) };
}

/**
 * totalCount, counted once. When the client asked for it, the count starts
 * now, beside the page's statement, instead of after it: the two run
 * concurrently and the request waits for the slower, not for both.
 */
export function totalCount(info: GraphQLResolveInfo, count: () => Promise<number>): () => Promise<number> {
  let counted: Promise<number> | undefined;
  const once = () => (counted ??= count());
  if (selects(info, "totalCount")) {
    // Should the page fail first, this rejection is reported through the page's error, not as unhandled.
    once().catch(() => undefined);
  }
  return once;
}

/** Whether the client selected `field` on the value this resolver returns, directly or through fragments. */
function selects(info: GraphQLResolveInfo, field: string): boolean {
  const within = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === field;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet);
      return within(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
