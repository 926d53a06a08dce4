/**
 * The checks of the topics section, which is kept whole while a document is
 * checked (topics are few, and their names and aliases resolve every other
 * reference): each name and alias belongs to one topic, and the hierarchy
 * has no cycle.
 */
import { topicKey, type TopicResolver } from "./normalize.js";
import type { TopicRecord } from "./schema.js";

/** Where a problem was found, and what it is. */
export type Report = (path: string, message: string) => void;

function each<T>(records: (T | undefined)[], visit: (record: T, index: number) => void): void {
  records.forEach((record, index) => {
    if (record !== undefined) visit(record, index);
  });
}

/**
 * Each name and alias must belong to one topic only, in the document and in
 * the graph; otherwise a reference to it would be ambiguous. Returns how
 * references resolve: the document's names and aliases over the graph's.
 */
export function checkTopicNames(topics: (TopicRecord | undefined)[], graphNames: ReadonlyMap<string, string>, report: Report): TopicResolver {
  // An import replaces the aliases of a topic the document gives aliases for, so the graph's old ones no longer count.
  const replaced = new Set(topics.flatMap((t) => (t?.aliases !== undefined ? [topicKey(t.name)] : [])));
  const graph = new Map([...graphNames].filter(([name, key]) => name === key || !replaced.has(key)));
  const document = new Map<string, { key: string; path: string; topic: number }>();
  each(topics, (t, i) => {
    const key = topicKey(t.name);
    const names: [string, string][] = [[`topics[${i}].name`, t.name], ...(t.aliases ?? []).map((alias, j): [string, string] => [`topics[${i}].aliases[${j}]`, alias])];
    for (const [path, name] of names) {
      const earlier = document.get(topicKey(name));
      if (earlier !== undefined) {
        if (earlier.topic !== i) report(path, `"${name}" is already a name or alias at ${earlier.path}`);
        continue;
      }
      const inGraph = graph.get(topicKey(name));
      if (inGraph !== undefined && inGraph !== key) report(path, `"${name}" is already a name or alias of the topic ${inGraph}`);
      document.set(topicKey(name), { key, path, topic: i });
    }
  });
  return (name) => document.get(topicKey(name))?.key ?? graph.get(topicKey(name));
}

/**
 * A topic may not be (transitively) broader than itself within the document.
 * Each cycle is reported once, at the `broader` entry that closes it.
 */
export function checkTopicCycles(topics: (TopicRecord | undefined)[], resolveTopic: TopicResolver, report: Report): void {
  const indexOf = new Map<string, number>();
  each(topics, (t, i) => indexOf.set(topicKey(t.name), i));
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const nameOf = (key: string) => topics[indexOf.get(key) ?? -1]?.name ?? key;

  const visit = (key: string, index: number) => {
    state.set(key, "open");
    trail.push(key);
    topics[index]?.broader?.forEach((name, j) => {
      const broader = resolveTopic(name);
      const broaderIndex = broader === undefined ? undefined : indexOf.get(broader);
      if (broader === undefined || broaderIndex === undefined) return;
      if (state.get(broader) === "open") {
        const cycle = [...trail.slice(trail.indexOf(broader)), broader].map(nameOf).join(" → ");
        report(`topics[${index}].broader[${j}]`, `cycle in the topic hierarchy: ${cycle}`);
      } else if (!state.has(broader)) {
        visit(broader, broaderIndex);
      }
    });
    trail.pop();
    state.set(key, "done");
  };
  for (const [key, index] of indexOf) if (!state.has(key)) visit(key, index);
}
