/**
 * The topics a filter names, looked up before it is compiled. A topic
 * condition matches the topics its names (or aliases) name and every topic
 * narrower than them; the statement receives their ids as a parameter.
 *
 * Why before, not inside the statement: Neo4j plans each filter shape it has
 * not seen, and a `CALL` resolving a set of names was 60–77 ms of the 200–320
 * ms a filter statement took to plan on the generated 100k graph (EXPLAIN
 * after `CALL db.clearQueryCaches()`, docs/performance.md). The lookup is one
 * keyed read of fixed text (cypher/topic/family), planned once for every
 * filter. The cost: Neo4j keys a plan by each list parameter's size bucket
 * (0, 1, up to 10, up to 100 …), so one shape naming a topic with one
 * narrower topic and one naming a topic with twenty are planned apart;
 * src/plans/warm.ts warms with the sizes a workspace's topics have.
 *
 * A ranking's evidence (prospects.ts) still resolves its names inside the
 * scoring statement: that text is shared by every filter of a kind and
 * planned once, and names keep its plan key the same whatever the topics.
 */
import type DataLoader from "dataloader";
import { topicKey } from "../graph-document/normalize.js";
import type { CompanyWhere, PersonWhere } from "./types.js";

/** Each topic key (a lower-cased name or alias) a filter names → the ids it matches, narrower topics' included. */
export type TopicIds = ReadonlyMap<string, readonly string[]>;

/** The topic keys `where` names anywhere in it (under AND, OR, NOT, worksAt, employs), each once. */
export function personWhereTopics(where: PersonWhere): string[] {
  return [...new Set(personTopicNames(where).map(topicKey))];
}

export function companyWhereTopics(where: CompanyWhere): string[] {
  return [...new Set(companyTopicNames(where).map(topicKey))];
}

function personTopicNames(where: PersonWhere): string[] {
  const own = [where.interestedIn?.topics, where.engagedWith?.topics, where.expressedConcern?.topics].flatMap((topics) => topics ?? []);
  const inner = [...(where.AND ?? []), ...(where.OR ?? []), ...(where.NOT ? [where.NOT] : [])].flatMap(personTopicNames);
  return [...own, ...inner, ...(where.worksAt ? companyTopicNames(where.worksAt) : [])];
}

function companyTopicNames(where: CompanyWhere): string[] {
  const inner = [...(where.AND ?? []), ...(where.OR ?? []), ...(where.NOT ? [where.NOT] : [])].flatMap(companyTopicNames);
  return [...inner, ...(where.employs ? personTopicNames(where.employs) : [])];
}

/** The ids each of `keys` matches, through the request's loader of cypher/topic/family (a name no topic has matches none). */
export async function lookUpTopicIds(family: Pick<DataLoader<string, readonly { readonly id: string }[]>, "loadMany">, keys: readonly string[]): Promise<TopicIds> {
  const found = await family.loadMany(keys);
  return new Map(keys.map((key, i) => {
    const topics = found[i];
    if (topics instanceof Error) throw topics;
    return [key, topics!.map((topic) => topic.id)];
  }));
}

/** The ids of the topics `names` match, each once, in a fixed order; a name not looked up is a mistake of the caller's. */
export function topicIdsOf(topicIds: TopicIds, names: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const name of names) {
    const found = topicIds.get(topicKey(name));
    if (found === undefined) throw new Error(`a filter naming the topic "${name}" was compiled without looking its topics up`);
    for (const id of found) ids.add(id);
  }
  return [...ids].sort();
}
