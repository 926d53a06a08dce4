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
 * Scope.shortlistFrom (Scope.fewReached true) or at least as many (false).
 */
export type TestedPeople = "everyone" | "reached" | "many reached" | "few reached";

/**
 * The text that takes a statement's rows of people to test (`person`, and
 * `carried`) to rows of the people `predicate` holds for. With conditions to
 * shortlist by, the statement shortlists the people reached first, a step at
 * a time while at least $shortlistFrom are left (cypher/filters/shortlist/step),
 * and tests the rest for the conditions no step stood for. `from` says where
 * the rows come from: the people connectedTo reaches, or everyone in the
 * workspace, whom a first step reads from the topics' side instead
 * (everyoneTested() says whether the statement reads them as rows). Fewer
 * reached people than a step would shortlist take no steps. The first step is
 * certain (shortlist/first-step) when everyone is tested, where it always
 * runs, and when an estimate says many are reached: its condition leaves the
 * predicate, and with it the fallback test Neo4j would plan (on the generated
 * 100k graph, `Q1 2 hops` planned in 201 ms instead of 237, EXPLAIN after a
 * plan-cache clear). Without an estimate the first step decides for itself.
 */
export function matched(filter: Pick<CompiledFilter, "shortlistable">, predicate: Cypher, carried: Part[], from: TestedPeople): Cypher {
  if (filter.shortlistable.length === 0 || from === "few reached") return cypher`WITH DISTINCT person${variableList(carried)}\nWHERE ${predicate}`;
  const ordered = [...filter.shortlistable].sort((a, b) => STEP_ORDER.indexOf(a.kind) - STEP_ORDER.indexOf(b.kind));
  const certain = from === "everyone" || from === "many reached";
  const steps: Cypher[] = [];
  const flags: Part[] = [];
  const replaced = new Map<Cypher, Cypher>();
  ordered.forEach((condition, i) => {
    const found = new Variable("found_");
    const matching = fragment(`shortlist/${condition.kind}`, { topics: condition.topics, found }, condition.params);
    if (i === 0 && certain) {
      steps.push(fragment("shortlist/first-step", { matching, found, carried: variableList(carried) }, {}));
      replaced.set(condition.test, TRUE);
      return;
    }
    const flag = new Variable("shortlisted_");
    steps.push(fragment("shortlist/step", { matching, found, flag, carried: variableList([...carried, ...flags]) }, {}));
    flags.push(flag);
    replaced.set(condition.test, cypher`(${flag} OR ${condition.test})`);
  });
  return fragment("shortlist/matched", {
    reached: from === "everyone" ? "null" : "collect(DISTINCT person)",
    steps: join(steps, "\n"),
    shortlistedPredicate: predicate.replace(replaced),
    carried: variableList(carried),
    carriedOut: variableList([...carried, ...flags]),
  }, {});
}

const TRUE = new Cypher(["true"]);

/** The rows of everyone in the workspace a statement without connectedTo tests: none when a step shortlists them (matched()). */
export function everyoneTested(filter: Pick<CompiledFilter, "shortlistable">): Cypher {
  return filter.shortlistable.length === 0 ? fragment("common/everyone", {}, {}) : new Cypher([]);
}
