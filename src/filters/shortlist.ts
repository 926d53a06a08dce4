/**
 * Shortlisting, for statements that test many people: those that reach people
 * by expanding from one person or the team (the `*-reached` statements),
 * and those without connectedTo whose person or
 * employee filter has a topic condition to shortlist by (they start from
 * everyone). Testing each person for a fact about topics
 * reads every such fact they have: from a well-connected person two hops reach
 * a fifth of the graph, and that dominates the statement. A
 * shortlist step reads instead the facts about the filter's topics, from the
 * topics' side, and keeps the reached people they belong to
 * (cypher/filters/shortlist). A step is taken only while enough people are
 * left (Scope.shortlistFrom); below that, testing each costs less.
 *
 * Only a top-level condition (one that must hold, not under OR or NOT) with
 * topics can have a step (compile.ts's TopicCondition). A step keeps exactly
 * the people the condition holds for, and sets a flag; the shortlisted
 * predicate is the compiled one with that condition replaced by `(flag OR the
 * condition)`, so it is not tested again once shortlisted.
 */
import type { CompiledFilter, TopicBoundKind } from "./compile.js";
import { fragment } from "./fragments.js";
import { cypher, Cypher, join, Variable, variableList, type Part } from "./tree.js";

/**
 * Steps are taken in this order: people voice few concerns, have a handful of
 * interests and many engagements, so the first steps tend to keep the fewest
 * people, and a later step is skipped when few are left.
 */
const STEP_ORDER: TopicBoundKind[] = ["expressed-concern", "interested-in", "engaged-with"];

/**
 * The people a statement tests: everyone in the workspace, the people
 * connectedTo reaches, or those when an estimate says they are fewer than
 * Scope.shortlistFrom (Scope.fewReached).
 */
export type TestedPeople = "everyone" | "reached" | "few reached";

/**
 * The text that takes a statement's rows of people to test (`person`, and
 * `carried`) to rows of the people `predicate` holds for. With conditions to
 * shortlist by, the statement shortlists the people reached first, a step at
 * a time while at least $shortlistFrom are left (cypher/filters/shortlist/matched),
 * and tests the rest for the conditions no step stood for. `from` says where
 * the rows come from: the people connectedTo reached, or everyone in the
 * workspace, whom a first step reads from the topics' side instead
 * (everyoneTested() says whether the statement reads them as rows). Fewer
 * reached people than a step would shortlist take no steps.
 */
export function matched(filter: Pick<CompiledFilter, "shortlistable">, predicate: Cypher, carried: Part[], from: TestedPeople): Cypher {
  if (filter.shortlistable.length === 0 || from === "few reached") return cypher`WITH DISTINCT person${variableList(carried)}\nWHERE ${predicate}`;
  const ordered = [...filter.shortlistable].sort((a, b) => STEP_ORDER.indexOf(a.kind) - STEP_ORDER.indexOf(b.kind));
  const steps: Cypher[] = [];
  const flags: Part[] = [];
  const flagged = new Map<Cypher, Cypher>();
  for (const condition of ordered) {
    const flag = new Variable("shortlisted_");
    steps.push(fragment(`shortlist/${condition.kind}`, { topics: condition.topics, flag, carried: variableList([...carried, ...flags]) }, condition.params));
    flags.push(flag);
    flagged.set(condition.test, cypher`(${flag} OR ${condition.test})`);
  }
  return fragment("shortlist/matched", {
    reached: from === "everyone" ? "null" : "collect(DISTINCT person)",
    steps: join(steps, "\n"),
    shortlistedPredicate: predicate.replace(flagged),
    carried: variableList(carried),
    carriedOut: variableList([...carried, ...flags]),
  }, {});
}

/** The rows of everyone in the workspace a statement without connectedTo tests: none when a step shortlists them (matched()). */
export function everyoneTested(filter: Pick<CompiledFilter, "shortlistable">): Cypher {
  return filter.shortlistable.length === 0 ? fragment("common/everyone", {}, {}) : new Cypher([]);
}
