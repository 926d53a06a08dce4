/**
 * Query.prospects: validate → compile the filter and the scoring → the ids
 * the filter holds for (or, for a large list of the whole workspace, its
 * contenders), then one page of them scored (filters/prospects.ts,
 * services/prospect-ranking.ts); totalCount is how many the filter matched.
 * The cursor carries the instant the first page was scored at, so every page
 * of one walk decays evidence to the same "now" and ranks consistently.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../context.js";
import { prospectsPage, prospectsReadViewer, type ProspectPosition } from "../filters/prospects.js";
import { personWhereTopics } from "../filters/topic-ids.js";
import { validPersonWhere } from "../validation/where.js";
import { readCheckingPeople } from "../services/existence.js";
import { connection, decodeCursor, pagingOf, totalCount, type PagingArgs } from "./pagination.js";
import { reasonsOf } from "../services/reasons.js";
import { rankedPage } from "../services/prospect-page.js";

interface ProspectArgs extends PagingArgs { where: unknown }

type ProspectKey = [score: number, email: string, scoredAt: string];

export async function prospects(_: unknown, args: ProspectArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
  const where = validPersonWhere(args.where);
  const paging = pagingOf(args, info);
  const key = decodeCursor(paging.cursor, isProspectKey, paging.backward ? "before" : "after");
  const position: ProspectPosition = key
    ? { scoredAt: key[2], after: { score: key[0], email: key[1] }, backward: paging.backward }
    : { scoredAt: ctx.requestedAt, after: null, backward: paging.backward };
  const scope = await ctx.starts.shortlisting(where.connectedTo, await ctx.scope(prospectsReadViewer(where), personWhereTopics(where)));
  const page = prospectsPage(where, scope, paging.size + 1, position);
  const contendersFirst = page.kind === "workspace" && !position.backward && (await ctx.starts.contendersFirst(where, scope));
  const ranked = readCheckingPeople(page.matching.personIds, ctx, () => rankedPage(ctx.db, page, position, paging.size + 1, contendersFirst));
  // Ranked from its contenders, the page reads not everyone matched: they are counted beside it.
  const count = totalCount(info, async () => (page.kind === "workspace" && contendersFirst ? totalOf(await ctx.db.read(page.count())) : (await ranked).matching!.ids.length));
  const { rows } = await ranked;
  const edges = rows.map((row) => ({ node: row.item, score: row.score, reasons: reasonsOf(row, position.scoredAt) }));
  const keyOf = (edge: (typeof edges)[number]): ProspectKey => [edge.score, edge.node.email ?? (edge.node.profileUrl as string), position.scoredAt];
  return { ...connection(edges, paging, keyOf, count), scoredAt: position.scoredAt };
}

const totalOf = (rows: { total: number }[]) => rows[0]?.total ?? 0;

function isProspectKey(key: unknown): key is ProspectKey {
  return Array.isArray(key) && key.length === 3
    && typeof key[0] === "number" && typeof key[1] === "string"
    && typeof key[2] === "string" && !Number.isNaN(Date.parse(key[2]));
}
