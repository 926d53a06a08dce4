/**
 * Conditions in one order whatever order a filter gives them in. Neo4j plans
 * each distinct statement text once, and planning a new filter shape costs
 * more than running it on most graphs; a marketer who builds the same filter
 * by another path (AND items swapped, an OR's choices in another order, a
 * condition moved into an AND list) should reuse the plan, not pay for
 * another. So a conjunction is flat (a nested conjunction's conditions are
 * spliced in, as are a nested disjunction's into a disjunction) and its
 * conditions are sorted by the text each renders to on its own: that text
 * depends on the condition's shape only (tree.ts), never on its values, so
 * equal shapes sort together and the whole text is the same. The prelude
 * then follows the order in which the sorted predicate first uses each of its
 * variables, so the names given at rendering follow too.
 */
import { Cypher, cypher, join, Param, render, type Part, type Variable } from "./tree.js";

export const TRUE = new Cypher(["true"]);
export const FALSE = new Cypher(["false"]);

/** The conditions of each conjunction (and disjunction) built here, to splice into an enclosing one. */
const conditionsOf = new WeakMap<Cypher, { operator: " AND " | " OR "; conditions: readonly Cypher[] }>();

/** Every part holds: TRUE for none, the part itself for one. */
export function allOf(parts: readonly Cypher[]): Cypher {
  return flat(" AND ", parts, TRUE);
}

/** At least one part holds: FALSE for none, the part itself for one. */
export function anyOf(parts: readonly Cypher[]): Cypher {
  return flat(" OR ", parts, FALSE);
}

const SUBQUERY = /\b(EXISTS|COUNT|COLLECT)\s*\{/;

function flat(operator: " AND " | " OR ", parts: readonly Cypher[], neutral: Cypher): Cypher {
  const conditions = parts.flatMap((part) => {
    if (part === neutral) return [];
    const inner = conditionsOf.get(part);
    return inner?.operator === operator ? inner.conditions : [part];
  });
  if (conditions.length === 0) return neutral;
  if (conditions.length === 1) return conditions[0] as Cypher;
  const sorted = canonically(conditions);
  const combined = cypher`(${join(sorted, operator)})`;
  conditionsOf.set(combined, { operator, conditions: sorted });
  return combined;
}

/**
 * Sorted by the text each renders to on its own, those that read no more of
 * the graph (no subquery) first, as the cheaper tests; conditions of the same
 * shape keep their order among themselves, which changes only values.
 */
function canonically(conditions: readonly Cypher[]): Cypher[] {
  const keyed = conditions.map((condition) => {
    const text = render(condition).text;
    return { condition, key: `${SUBQUERY.test(text) ? 1 : 0}${text}` };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ condition }) => condition);
}

/**
 * Where each variable and subtree of `trees` first appears, walked as a
 * rendering walks them (Infinity for one that does not): the prelude and the
 * shortlist steps are put in this order, so their names follow the predicate's.
 */
export function firstUses(trees: readonly Part[]): (node: Cypher | Variable) => number {
  const positions = new Map<Cypher | Variable, number>();
  const visit = (part: Part): void => {
    if (typeof part === "string" || part instanceof Param || positions.has(part)) return;
    positions.set(part, positions.size);
    if (part instanceof Cypher) part.parts.forEach(visit);
  };
  trees.forEach(visit);
  return (node) => positions.get(node) ?? Number.POSITIVE_INFINITY;
}
