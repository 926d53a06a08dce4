/** Query.possibleDuplicates: pairs of people who may be one person, keyset-paged by the pair's ids. */
import neo4j from "neo4j-driver";
import type { RequestContext } from "../context.js";
import { pageSize } from "../validation/arguments.js";
import { connection, decodeCursor } from "./pagination.js";

type PairKey = [string, string];
const isPairKey = (key: unknown): key is PairKey => Array.isArray(key) && key.length === 2 && key.every((id) => typeof id === "string");

export async function possibleDuplicates(_: unknown, args: { first: number; after?: string | null }, ctx: RequestContext) {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, isPairKey);
  const rows = await ctx.db.read("person/possible-duplicates", {
    workspace: ctx.workspace, afterA: after?.[0] ?? null, afterB: after?.[1] ?? null, limit: neo4j.int(first + 1),
  });
  const edges = rows.map((row) => ({ node: { a: row.a, b: row.b, reasons: row.reasons } }));
  // Forward only: a review list read from the start.
  return connection(edges, { size: first, backward: false, cursor: args.after ?? null }, (edge) => [edge.node.a.id, edge.node.b.id]);
}
