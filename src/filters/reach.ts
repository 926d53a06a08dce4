/**
 * `reach`: for each person of a list `matching`, the strength of the strongest
 * path of at most maxHops connections from `origin` (each link at least
 * minStrength strong; a path's strength is the product of its links'), found
 * for the whole list in one step (cypher/filters/prospect/reach-*). Rows come
 * out for the people origin reaches, never for origin itself; a statement that
 * needs everyone adds the others at 0.
 *
 * Paths of one connection, or of three or four, come from one widening from
 * origin. Paths of at most two come, when few people match (FEW_BELOW), from
 * origin's connections and each person's own instead; with more, from the
 * widening too. The statement chooses as it runs, by the list's size.
 */
import neo4j from "neo4j-driver";
import { fragment } from "./fragments.js";
import { join, Param, type Cypher } from "./tree.js";

export function reachOfMatching(maxHops: number, minStrength: number): Cypher {
  const strength = new Param("minStrength", minStrength);
  const steps = join(Array.from({ length: maxHops - 1 }, () => fragment("prospect/reach-step", {}, { minStrength: strength })), "\n");
  const widening = fragment("prospect/reach-by-widening", { steps }, { minStrength: strength });
  if (maxHops !== 2) return widening;
  const few = fragment("prospect/reach-of-few", {}, { minStrength: strength });
  return fragment("prospect/reach-of-matching", { few, widening }, { fewBelow: neo4j.int(FEW_BELOW) });
}

/**
 * Below this many people matched, reading each one's connections costs less
 * than one widening from a well-connected person, whose two hops reach 22k
 * people of the generated 100k graph (a widening reads about 100k db hits).
 */
const FEW_BELOW = 200;
