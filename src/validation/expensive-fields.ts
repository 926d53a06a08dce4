/**
 * Which fields make Neo4j read much of a workspace, as opposed to a lookup by
 * key or a loader's batch. The cost estimate (operation-limits.ts) counts
 * items returned, and forty aliases of a whole-workspace list with `first: 1`
 * cost little by it while holding the database for seconds; so an operation
 * may also hold only RAPPORT_MAX_EXPENSIVE_FIELDS of these (counted where
 * they run: a field inside a list counts once per item the list may return).
 *
 * A list anchored on one person at one hop (`connectedTo: { maxHops: 1 }`,
 * the default hops) reads that person's neighbours only, and is not
 * expensive; without `connectedTo` it is the whole workspace, and from two
 * hops on a sizeable part of it (the team's reach, from every user at once).
 */

/** `Type.field` of the fields that always search: paths, and saved filters run again. */
const ALWAYS = new Set(["Query.introductionPaths", "Segment.members", "Snapshot.diff"]);

/** `Type.field` of the filtered lists, expensive unless anchored at one hop (see above). */
const FILTERED = new Set(["Query.people", "Query.companies", "Query.prospects"]);

export function isExpensiveField(coordinate: string, args: Record<string, unknown>): boolean {
  if (ALWAYS.has(coordinate)) return true;
  if (!FILTERED.has(coordinate)) return false;
  const where = args.where as { connectedTo?: { team?: unknown; maxHops?: unknown } | null } | undefined;
  const connectedTo = where?.connectedTo;
  if (!connectedTo) return true;
  return connectedTo.team === true || (typeof connectedTo.maxHops === "number" && connectedTo.maxHops > 1);
}
