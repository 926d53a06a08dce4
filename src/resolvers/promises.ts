/** Query.promises: a workspace's promises by status and due date, soonest due first. */
import neo4j from "neo4j-driver";
import type { RequestContext } from "../context.js";
import { utcDateTime } from "../db/values.js";
import { toInstant } from "../graph-document/normalize.js";
import { pageSize } from "../validation/arguments.js";

interface PromisesArgs { status?: string | null; dueBefore?: string | null; overdue?: boolean | null; first: number }

export async function promises(_: unknown, args: PromisesArgs, ctx: RequestContext) {
  const rows = await ctx.db.read("promise/list", {
    workspace: ctx.workspace,
    status: args.status ?? null,
    dueBefore: args.dueBefore == null ? null : utcDateTime(toInstant(args.dueBefore)),
    overdue: args.overdue ?? null,
    limit: neo4j.int(pageSize(args.first)),
  });
  return rows.map((row) => row.item);
}
