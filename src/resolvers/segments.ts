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
import { AppError, ErrorCode } from "../errors.js";
import { snapshotChange } from "../filters/statements.js";
import type { CompanyWhere, PersonWhere } from "../filters/types.js";
import { personWhereReadsViewer } from "../filters/viewer.js";
import type { Item } from "../loaders/keyed.js";
import { pageSize } from "../validation/arguments.js";
import { validCompanyWhere, validPersonWhere } from "../validation/where.js";
import { requirePeople } from "./existence.js";
import { companies } from "./lists.js";
import { connection, decodeCursor } from "./pagination.js";
import { prospects } from "./prospects.js";

type PageArgs = { first: number; after?: string | null };

export const segmentQueries = {
  async segments(_: unknown, __: unknown, ctx: RequestContext) {
    return (await ctx.db.read("segment/all", { workspace: ctx.workspace })).map((row) => row.item as Item);
  },
  segment: (_: unknown, args: { id: string }, ctx: RequestContext) => ctx.loaders.segmentById.load(args.id),
  snapshot: (_: unknown, args: { id: string }, ctx: RequestContext) => ctx.loaders.snapshotById.load(args.id),
};

export const Segment = {
  kind: (segment: Item) => (segment.people != null ? "PEOPLE" : "COMPANIES"),
  filter: (segment: Item) => segment.people ?? segment.companies,
  members(segment: Item, args: PageArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
    const where = peopleFilter(segment);
    return where ? prospects(null, { where, ...args }, ctx, info) : null;
  },
  companies(segment: Item, args: PageArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
    const where = companyFilter(segment);
    return where ? companies(null, { where, ...args }, ctx, info) : null;
  },
  snapshots: (segment: Item, _: unknown, ctx: RequestContext) => ctx.loaders.snapshotsOfSegment.load(segment.id as string),
  recordedBy: (segment: Item, _: unknown, ctx: RequestContext) =>
    (segment.recordedBy ? ctx.loaders.personByEmail.load(String(segment.recordedBy)) : null),
};

export const Snapshot = {
  segment: (snapshot: Item, _: unknown, ctx: RequestContext) => ctx.loaders.segmentById.load(snapshot.segmentId as string),
  count: (snapshot: Item) => snapshot.members ?? 0,

  async members(snapshot: Item, args: PageArgs, ctx: RequestContext) {
    const first = pageSize(args.first);
    const after = decodeCursor(args.after, isMemberKey);
    const rows = await ctx.db.read("segment/snapshot-members", {
      workspace: ctx.workspace, id: snapshot.id, afterValue: after?.[0] ?? null, afterKey: after?.[1] ?? null, limit: integer(first + 1),
    });
    const edges = rows.map((row) => ({ node: row.item as Item, sortValue: String(row.sortValue) }));
    const total = Number(snapshot.members ?? 0);
    return connection(edges, first, (edge) => [edge.sortValue, String(edge.node.email)], async () => total);
  },

  async diff(snapshot: Item, args: { against?: string | null }, ctx: RequestContext) {
    if (args.against != null) {
      if (!(await ctx.loaders.snapshotById.load(args.against))) throw new AppError(ErrorCode.NOT_FOUND, "no snapshot has that id", { argument: "against" });
      const [row] = await ctx.db.read("segment/snapshot-diff", { workspace: ctx.workspace, from: snapshot.id, to: args.against });
      return { joined: row?.joined ?? [], left: row?.left ?? [] };
    }
    const segment = await ctx.loaders.segmentById.load(snapshot.segmentId as string);
    const where = segment ? peopleFilter(segment) : null;
    if (!where) return { joined: [], left: [] };
    const [joined, left] = await Promise.all((["joined", "left"] as const).map(async (side) => {
      const statement = snapshotChange(side, where, await ctx.scope(personWhereReadsViewer(where)), String(snapshot.id));
      await requirePeople(statement.personIds, ctx);
      return (await ctx.db.readCompiled(`filters/snapshot-${side}`, statement)).map((row) => row.item as Item);
    }));
    return { joined, left };
  },
};

/** A segment's saved filter, checked again on the way out: it is read from storage, which outlives code changes. */
export function peopleFilter(segment: Item): PersonWhere | null {
  return segment.people == null ? null : validPersonWhere(JSON.parse(String(segment.people)), "segment.people");
}

export function companyFilter(segment: Item): CompanyWhere | null {
  return segment.companies == null ? null : validCompanyWhere(JSON.parse(String(segment.companies)), "segment.companies");
}

function isMemberKey(key: unknown): key is [string, string] {
  return Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === "string");
}
