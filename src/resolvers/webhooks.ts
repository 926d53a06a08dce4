/** Segment.webhooks and the Webhook type: where a segment's changes are sent, and how each delivery went. */
import type { RequestContext } from "../context.js";
import { integer } from "../db/values.js";
import type { Item } from "../db/rows.js";
import { pageSize } from "../validation/arguments.js";

export const SegmentWebhooks = {
  async webhooks(segment: Item, _: unknown, ctx: RequestContext) {
    return (await ctx.db.read("webhook/by-segments", { workspace: ctx.workspace, segments: [segment.id] })).map((row) => row.item as Item);
  },
};

export const Webhook = {
  segment: (webhook: Item, _: unknown, ctx: RequestContext) => ctx.loaders.segmentById.load(webhook.segment as string),
  async deliveries(webhook: Item, args: { first: number }, ctx: RequestContext) {
    const first = pageSize(args.first);
    return (await ctx.db.read("webhook/deliveries", { workspace: ctx.workspace, webhook: webhook.id, first: integer(first) })).map((row) => row.item as Item);
  },
};
