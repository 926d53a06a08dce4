/**
 * Shortlisting, for statements that test many people: those that reach people
 * by expanding from one person (the `*-reached` statements and
 * prospects-page-connected), and those without connectedTo whose person or
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
 * topics can have a step. A step keeps exactly the people the condition holds
 * for, and sets its flag, `shortlisted_<instance>`; the condition's predicate
 * reads `(flag OR the test)`, so it is not tested again once shortlisted.
 */
import { instantiate, variableList } from "./fragments.js";

export type TopicBoundKind = "interested-in" | "engaged-with" | "expressed-concern";

/**
 * Steps are taken in this order: people voice few concerns, have a handful of
 * interests and many engagements, so the first steps tend to keep the fewest
 * people, and a later step is skipped when few are left.
 */
const STEP_ORDER: TopicBoundKind[] = ["expressed-concern", "interested-in", "engaged-with"];

export interface ShortlistStep {
  kind: TopicBoundKind;
  /** The instance of the condition's fragment: the step shares its parameters. */
  id: number;
  /** The prelude variable holding the topic ids. */
  topics: string;
  params: Record<string, unknown>;
}

export function shortlistedFlag(step: Pick<ShortlistStep, "id">): string {
  return `shortlisted_${step.id}`;
}

/** A filter compiled for shortlisting: its predicate, with flags, and the steps that set them. */
export interface Shortlisting {
  predicate: string;
  steps: ShortlistStep[];
}

/**
 * The text that takes a statement's rows of people to test
 * (`person`, and the carried variables) to rows of the people `predicate`
 * holds for. With steps, the statement chooses as it runs: when fewer than
 * $shortlistFrom people are reached it tests each, else it shortlists them
 * first (cypher/filters/shortlist/matched). Each way is planned on its own, so
 * the usual case keeps the plan it has without shortlisting.
 */
export function matchedText(predicate: string, shortlisting: Shortlisting, carried: string[], id: number): string {
  if (shortlisting.steps.length === 0) return `WITH DISTINCT person${variableList(carried)}\nWHERE ${predicate}`;
  const ordered = [...shortlisting.steps].sort((a, b) => STEP_ORDER.indexOf(a.kind) - STEP_ORDER.indexOf(b.kind));
  const steps: string[] = [];
  const flags: string[] = [];
  for (const step of ordered) {
    steps.push(instantiate(`shortlist/${step.kind}`, step.id, { topics: step.topics, carried: variableList([...carried, ...flags]) }, step.params).text);
    flags.push(shortlistedFlag(step));
  }
  return instantiate("shortlist/matched", id, {
    steps: steps.join("\n"),
    predicate,
    shortlistedPredicate: shortlisting.predicate,
    carried: variableList(carried),
    carriedOut: variableList([...carried, ...flags]),
  }, {}).text;
}
