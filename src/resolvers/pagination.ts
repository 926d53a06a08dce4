/**
 * Relay-style connections over keyset pages. A cursor is the opaque form of
 * a row's sort key (as JSON); a page asks for one row more than it
 * returns to know whether another page follows. A backward page (last,
 * before) is read in the reverse order and turned round here. totalCount is a
 * function, so the default resolver counts only when a client asks for it.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { AppError, ErrorCode } from "../errors.js";
import { pageSize } from "../validation/arguments.js";

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<E extends { node: unknown }> {
  edges: (E & { cursor: string })[];
  pageInfo: PageInfo;
  /** Absent where the list has no totalCount. */
  totalCount?: () => Promise<number>;
}

/** Which page a client asked for: its size, which way it reads, and the cursor it reads from. */
export interface Paging {
  size: number;
  backward: boolean;
  cursor: string | null;
}

export interface PagingArgs {
  first: number;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * first/after or last/before, never a mix. `first` has a default in the
 * schema, so whether the client gave it is read from the operation itself
 * (a variable left out, or null, is not giving it).
 */
export function pagingOf(args: PagingArgs, info: GraphQLResolveInfo): Paging {
  if (args.last == null) {
    if (args.before != null) throw new AppError(ErrorCode.BAD_USER_INPUT, "before goes with last, not with first", { argument: "before" });
    return { size: pageSize(args.first), backward: false, cursor: args.after ?? null };
  }
  const gaveFirst = info.fieldNodes.some((node) => node.arguments?.some(({ name, value }) =>
    name.value === "first" && (value.kind !== Kind.VARIABLE || info.variableValues[value.name.value] != null)));
  if (gaveFirst) throw new AppError(ErrorCode.BAD_USER_INPUT, "give first or last, not both", { arguments: ["first", "last"] });
  if (args.after != null) throw new AppError(ErrorCode.BAD_USER_INPUT, "after goes with first, not with last", { argument: "after" });
  return { size: pageSize(args.last, "last"), backward: true, cursor: args.before ?? null };
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The key in a cursor, when `isKey` accepts it; any other text is the client's mistake. */
export function decodeCursor<K>(cursor: string | null | undefined, isKey: (key: unknown) => key is K, argument = "after"): K | null {
  if (cursor == null) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (isKey(key)) return key;
  } catch {
    // falls through to the error below
  }
  throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} is not a cursor this API gave out`, { argument });
}

/**
 * @param rows at most paging.size + 1 edges (without cursors), in the order
 * they were read: the list's order, or its reverse for a backward page
 */
export function connection<E extends { node: unknown }>(rows: E[], paging: Pick<Paging, "size" | "backward" | "cursor">, keyOf: (edge: E) => unknown, count?: () => Promise<number>): Connection<E> {
  const read = rows.slice(0, paging.size);
  const edges = (paging.backward ? read.reverse() : read).map((edge) => ({ ...edge, cursor: encodeCursor(keyOf(edge)) }));
  const more = rows.length > paging.size;
  const fromCursor = paging.cursor !== null;
  const pageInfo = {
    hasNextPage: paging.backward ? fromCursor : more,
    hasPreviousPage: paging.backward ? more : fromCursor,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
  return { edges, pageInfo, ...(count ? { totalCount: count } : {}) };
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
