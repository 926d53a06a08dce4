/** What the Segment tracking API has received (Query.trackingStats) and how it reads event names (Query.trackingActions). */
import type { RequestContext } from "../context.js";
import { trackingTable } from "../tracking/actions.js";

export const trackingQueries = {
  async trackingStats(_: unknown, __: unknown, ctx: RequestContext) {
    const [row] = await ctx.db.read("tracking/stats", { workspace: ctx.workspace });
    return row;
  },
  async trackingActions(_: unknown, __: unknown, ctx: RequestContext) {
    const [row] = await ctx.db.read("tracking/actions", { workspace: ctx.workspace });
    return trackingTable(row!.events as string[], row!.actions as string[]);
  },
};
