/**
 * The orders a list can be asked for (schema.graphql's PersonOrder and
 * CompanyOrder) → the Cypher expression a page statement sorts by, chosen
 * from fixed texts, never from user input. Ties are broken by the natural
 * key (email, domain) in the same direction, so every order is total and a
 * keyset page after (sort value, key) never repeats or skips a row.
 */
export type Direction = "ASC" | "DESC";

export interface Order {
  field: string;
  direction: Direction;
}

/** Where the previous page ended: the order it was in and its last row's sort value and key. */
export interface PageKey {
  order: Order;
  value: string | number;
  key: string;
}

// A missing value sorts as empty text: a null would make the keyset test after it null, and skip the rest.
const PERSON_SORT_KEYS: Record<string, string> = {
  NAME: "coalesce(person.name, '')",
  EMAIL: "coalesce(person.email, '')",
  TITLE: "coalesce(toLower(person.title), '')",
};

const COMPANY_SORT_KEYS: Record<string, string> = {
  NAME: "coalesce(company.name, '')",
  DOMAIN: "coalesce(company.domain, '')",
  // Companies of unknown size come first ascending, last descending.
  HEADCOUNT: "coalesce(company.headcount, -1)",
};

export const DEFAULT_ORDER: Order = { field: "NAME", direction: "ASC" };

/** The {{sortKey}}, {{direction}} and {{after}} texts of a page statement. */
export function orderTexts(kind: "person" | "company", order: Order): Record<"sortKey" | "direction" | "after", string> {
  const sortKey = (kind === "person" ? PERSON_SORT_KEYS : COMPANY_SORT_KEYS)[order.field];
  if (sortKey === undefined) throw new RangeError(`no ${kind} order by ${order.field}`);
  return { sortKey, direction: order.direction === "DESC" ? "DESC" : "ASC", after: order.direction === "DESC" ? "<" : ">" };
}
