/** Person's nested fields, each through a per-request loader (the interaction history pages on its own). */
import type { GraphQLResolveInfo } from "graphql";
import neo4j from "neo4j-driver";
import type { RequestContext } from "../context.js";
import { utcDateTime } from "../db/values.js";
import type { Item, PersonItem } from "../db/rows.js";
import { evidenceSummary } from "../relationships/evidence-summary.js";
import { pageSize, validMaxHops } from "../validation/arguments.js";
import { connection, decodeCursor, pagingOf, type PagingArgs } from "./pagination.js";

interface PromiseArgs { status?: string | null; first: number }

export const Person = {
  async company(person: PersonItem, _: unknown, ctx: RequestContext) {
    const employment = await ctx.loaders.employmentOfPerson.load(person.id);
    return employment?.company ?? null;
  },

  employment(person: PersonItem, _: unknown, ctx: RequestContext) {
    return ctx.loaders.employmentOfPerson.load(person.id);
  },

  interests(person: PersonItem, _: unknown, ctx: RequestContext) {
    return ctx.loaders.interestsOfPerson.load(person.id);
  },

  engagements(person: PersonItem, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.engagementsOfPerson(pageSize(args.first)).load(person.id);
  },

  concerns(person: PersonItem, args: { first: number }, ctx: RequestContext) {
    return ctx.loaders.concernsOfPerson(pageSize(args.first)).load(person.id);
  },

  async connectionToViewer(person: PersonItem, args: { maxHops: number }, ctx: RequestContext) {
    const maxHops = validMaxHops(args.maxHops);
    const viewerId = await ctx.viewerId();
    if (viewerId === null || viewerId === person.id) return null;
    return ctx.loaders.strongestPathFrom(viewerId, maxHops).load(person.id);
  },

  promises(person: PersonItem, args: PromiseArgs, ctx: RequestContext) {
    return ctx.loaders.promisesToPerson(args.status ?? null, pageSize(args.first)).load(person.id);
  },

  async teamConnections(person: Item, _: unknown, ctx: RequestContext) {
    const nowMs = Date.parse(ctx.requestedAt);
    const found = await ctx.loaders.teamConnectionsOfPerson.load(person.id as string);
    return found.map((k) => {
      const counts = { emailsSent: Number(k.sent ?? 0), emailsReceived: Number(k.received ?? 0), meetings: Number(k.twoWay ?? 0) };
      const lastInteractionAt = (k.evidenceLastAt ?? null) as string | null;
      return {
        colleague: k.colleague,
        strength: k.strength,
        since: k.since,
        lastInteractionAt: k.lastInteractionAt,
        evidence: {
          ...counts,
          firstInteractionAt: k.firstInteractionAt,
          lastInteractionAt,
          summary: evidenceSummary({ ...counts, lastInteractionAt }, nowMs),
        },
      };
    });
  },

  async interactions(person: Item, args: PagingArgs, ctx: RequestContext, info: GraphQLResolveInfo) {
    const paging = pagingOf(args, info);
    const from = decodeCursor(paging.cursor, isInteractionKey, paging.backward ? "before" : "after");
    const common = { workspace: ctx.workspace, id: person.id, limit: neo4j.int(paging.size + 1) };
    const at = from ? utcDateTime(from[0]) : null;
    const key = from ? from[1] : null;
    const rows = paging.backward
      ? await ctx.db.read("person/interactions-before", { ...common, beforeAt: at, beforeKey: key })
      : await ctx.db.read("person/interactions", { ...common, afterAt: at, afterKey: key });
    const edges = rows.map((row) => ({ node: row.item as Item }));
    return connection(edges, paging, ({ node }) => [node.at, node.key]);
  },
};

function isInteractionKey(key: unknown): key is [string, string] {
  return Array.isArray(key) && key.length === 2 && typeof key[0] === "string" && !Number.isNaN(Date.parse(key[0])) && typeof key[1] === "string";
}
