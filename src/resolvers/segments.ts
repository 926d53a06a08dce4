/**
 * Segments: saved filters that marketers re-run as outreach lists. A people
 * segment's members are Query.prospects of its filter (live, ranked, with
 * reasons); a company segment's are Query.companies of its filter. A snapshot
 * freezes a people segment's members, and two snapshots — or a snapshot and
 * now — give who joined and who left. The mutations are in src/mutations/segments.ts.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../context.js";
import { integer } from "../db/values.js";
import type { SegmentItem, SnapshotItem } from "../db/rows.js";
import { AppError, ErrorCode } from "../errors.js";
import { snapshotChange } from "../filters/statements.js";
import { personWhereTopics } from "../filters/topic-ids.js";
import { personWhereReadsViewer } from "../filters/viewer.js";
import { requirePeople } from "../services/existence.js";
import { companyFilter, peopleFilter } from "../services/segments.js";
import { companies } from "./lists.js";
import { connection, decodeCursor, pagingOf, type PagingArgs } from "./pagination.js";
import { prospects } from "./prospects.js";

type PageArgs = PagingArgs;

export const segmentQueries = {
  async segments(_: unknown, __: unknown, ctx: RequestContext) {
    return (await ctx.db.read("segment/all", { workspace: ctx.workspace })).map((row) => row.item);
  },
  segment: (_: unknown, args: { id: string }, ctx: RequestContext) => ctx.loaders.segmentById.load(args.id),
  snapshot: (_: unknown, args: { id: string }, ctx: RequestContext) => ctx.loaders.snapshotById.load(args.id),
};

export const Segment = {
  kind: (segment: SegmentItem) => (segment.people != null ? "PEOPLE" : "COMPANIES"),
  filter: (segment: SegmentItem) => segment.people ?? segment.companies,
  members(segment: SegmentItem, args: PageArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
    const where = peopleFilter(segment);
    return where ? prospects(null, { where, ...args }, ctx, info) : null;
  },
  companies(segment: SegmentItem, args: PageArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
    const where = companyFilter(segment);
    return where ? companies(null, { where, ...args }, ctx, info) : null;
  },
  snapshots: (segment: SegmentItem, _: unknown, ctx: RequestContext) => ctx.loaders.snapshotsOfSegment.load(segment.id),
  recordedBy: (segment: SegmentItem, _: unknown, ctx: RequestContext) =>
    (segment.recordedBy ? ctx.loaders.personByEmail.load(String(segment.recordedBy)) : null),
};

export const Snapshot = {
  segment: (snapshot: SnapshotItem, _: unknown, ctx: RequestContext) => ctx.loaders.segmentById.load(snapshot.segmentId),
  count: (snapshot: SnapshotItem) => snapshot.members ?? 0,

  async members(snapshot: SnapshotItem, args: PageArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
    const paging = pagingOf(args, info);
    const from = decodeCursor(paging.cursor, isMemberKey, paging.backward ? "before" : "after");
    const common = { workspace: ctx.workspace, id: snapshot.id, limit: integer(paging.size + 1) };
    const rows = paging.backward
      ? await ctx.db.read("segment/snapshot-members-before", { ...common, beforeValue: from?.[0] ?? null, beforeKey: from?.[1] ?? null })
      : await ctx.db.read("segment/snapshot-members", { ...common, afterValue: from?.[0] ?? null, afterKey: from?.[1] ?? null });
    const edges = rows.map((row) => ({ node: row.item, sortValue: row.sortValue }));
    const total = Number(snapshot.members ?? 0);
    return connection(edges, paging, (edge) => [edge.sortValue, edge.node.email], async () => total);
  },

  async diff(snapshot: SnapshotItem, args: { against?: string | null }, ctx: RequestContext) {
    if (args.against != null) {
      if (!(await ctx.loaders.snapshotById.load(args.against))) throw new AppError(ErrorCode.NOT_FOUND, "no snapshot has that id", { argument: "against" });
      const [row] = await ctx.db.read("segment/snapshot-diff", { workspace: ctx.workspace, from: snapshot.id, to: args.against });
      return { joined: row?.joined ?? [], left: row?.left ?? [] };
    }
    const segment = await ctx.loaders.segmentById.load(snapshot.segmentId);
    const where = segment ? peopleFilter(segment) : null;
    if (!where) return { joined: [], left: [] };
    const [joined, left] = await Promise.all((["joined", "left"] as const).map(async (side) => {
      const statement = snapshotChange(side, where, await ctx.scope(personWhereReadsViewer(where), personWhereTopics(where)), snapshot.id);
      await requirePeople(statement.personIds, ctx);
      return (await ctx.db.read(statement)).map((row) => row.item);
    }));
    return { joined, left };
  },
};

function isMemberKey(key: unknown): key is [string, string] {
  return Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === "string");
}
