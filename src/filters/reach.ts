/**
 * `reach`: for each person of a list `matching`, the strength of the strongest
 * path of at most maxHops connections from `origin`, or from any user of the
 * workspace (the team), each link at least minStrength strong; a path's
 * strength is the product of its links'. It is found for the whole list in one
 * step (cypher/filters/prospect/reach-* and team-reach-*), from all the users
 * at once for the team. Rows come out for the people reached, never for origin
 * or a user; a statement that needs everyone adds the others at 0.
 *
 * Paths of one connection, or of three or four, come from one widening. Paths
 * of at most two come, when few people match (FEW_BELOW), from the start's
 * connections and each person's own instead; with more, from the widening
 * too. The statement chooses as it runs, by the list's size.
 */
import neo4j from "neo4j-driver";
import { fragment, type FragmentName } from "./fragments.js";
import { join, Param, variableList, type Cypher } from "./tree.js";

/** The fragments of each way to start. */
const FROM = {
  origin: { step: "prospect/reach-step", widening: "prospect/reach-by-widening", few: "prospect/reach-of-few", carried: ["origin"] },
  team: { step: "prospect/team-reach-step", widening: "prospect/team-reach-by-widening", few: "prospect/team-reach-of-few", carried: [] },
} satisfies Record<string, { step: FragmentName; widening: FragmentName; few: FragmentName; carried: string[] }>;

export function reachOfMatching(maxHops: number, minStrength: number, from: keyof typeof FROM = "origin"): Cypher {
  const start = FROM[from];
  const strength = new Param("minStrength", minStrength);
  const widening = wideningFrom(from, maxHops, strength);
  if (maxHops !== 2) return widening;
  const few = fragment(start.few, {}, { minStrength: strength });
  return fragment("prospect/reach-of-matching", { few, widening, carried: variableList(start.carried) }, { fewBelow: neo4j.int(FEW_BELOW) });
}

/** reach for everyone within maxHops of `origin`, with `matching` bound to null (statement/prospects-reach). */
export function reachOfEveryone(maxHops: number, minStrength: number): Cypher {
  return wideningFrom("origin", maxHops, new Param("minStrength", minStrength));
}

function wideningFrom(from: keyof typeof FROM, maxHops: number, minStrength: Param): Cypher {
  const start = FROM[from];
  const steps = join(Array.from({ length: maxHops - 1 }, () => fragment(start.step, {}, { minStrength })), "\n");
  return fragment(start.widening, { steps }, { minStrength });
}

/**
 * Below this many people matched, reading each one's connections costs less
 * than one widening from a well-connected person, whose two hops reach 22k
 * people of the generated 100k graph (a widening reads about 100k db hits).
 */
const FEW_BELOW = 200;
