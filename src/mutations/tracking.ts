/**
 * setTrackingActions: the workspace's own entries of the table that turns
 * tracked event names into engagement actions (src/tracking/actions.ts).
 * The entries given replace the workspace's previous ones; an empty list
 * returns the workspace to the default table.
 */
import { z } from "zod";
import { ENGAGEMENT_ACTIONS } from "../graph-document/schema.js";
import { eventKey, IGNORED, trackingTable } from "../tracking/actions.js";
import { name } from "./inputs.js";
import { mutation } from "./run-mutation.js";

const entries = z.array(z.object({ event: name, action: z.enum(ENGAGEMENT_ACTIONS).optional() }))
  .max(500, "must be at most 500 entries")
  .refine((list) => new Set(list.map((entry) => eventKey(entry.event))).size === list.length, "names an event twice (names are compared without case)");

export const setTrackingActions = mutation({
  name: "setTrackingActions",
  input: z.object({ actions: entries }),
  async write({ actions }, tx) {
    const [row] = await tx.run("tracking/set-actions", { events: actions.map((entry) => entry.event), actions: actions.map((entry) => entry.action ?? IGNORED) });
    return trackingTable(row!.events as string[], row!.actions as string[]);
  },
});
