/**
 * What a statement returns, declared once per statement as its columns: each
 * column is a name and, riding along for TypeScript only, the type of its
 * values as mapping.ts gives them. The declaration types the rows where they
 * leave the database layer, and its names are checked against every result
 * (run.ts), so a statement that returns another column fails loudly instead
 * of handing out undefined.
 */
import type { Plain } from "./mapping.js";

/** A column of values of type T. */
export interface Column<T> {
  readonly values?: T;
}

export function column<T>(): Column<T> {
  return {};
}

export type Columns = Record<string, Column<unknown>>;

export type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends Column<infer T> ? T : never };

/** A node's or a map's properties, as a statement returns them with `n {.*}`. */
export type Item = Record<string, Plain>;

/** A person has an email, a profile URL or both. */
export type PersonItem = Item & { id: string; email: string | null; profileUrl: string | null };
/** A company has a domain, a name or both. */
export type CompanyItem = Item & { id: string; domain: string | null };
export type TopicItem = Item & { id: string; key: string; name: string };
export type ContentItem = Item & { id: string; url: string };
export type SegmentItem = Item & { id: string; name: string };
export type SnapshotItem = Item & { id: string; segmentId: string };

/** The columns of a batched read (src/loaders/keyed.ts): the key asked for and one item for it. */
export function keyed<T extends Item>() {
  return { key: column<string>(), item: column<T>() };
}

/** The columns of a statement that returns one item. */
export function single<T extends Item>() {
  return { item: column<T>() };
}
