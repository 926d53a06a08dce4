/**
 * createWebhook and deleteWebhook: who hears when someone joins or leaves a
 * segment (src/signals). The url is checked as deliveries will check it (http
 * or https; no private or loopback address unless allowed); the secret signs
 * every delivery and is never shown again.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError, ErrorCode } from "../errors.js";
import { AddressRefused, checkWebhookUrl } from "../signals/addresses.js";
import { id } from "./inputs.js";
import { mutation } from "./run-mutation.js";

export const createWebhook = mutation({
  name: "createWebhook",
  input: z.object({
    segment: id,
    url: z.string().trim().min(1, "must not be empty").max(2_000, "must be at most 2000 characters"),
    secret: z.string().min(16, "must be at least 16 characters").max(200, "must be at most 200 characters"),
  }),
  async write({ segment, url, secret }, tx, ctx) {
    const checked = await checkWebhookUrl(url, ctx.allowPrivateWebhooks).catch((error: unknown) => {
      if (error instanceof AddressRefused) throw new AppError(ErrorCode.BAD_USER_INPUT, `url: ${error.message}`, { path: ["url"] });
      throw error;
    });
    const [row] = await tx.run("webhook/create", { id: randomUUID(), segment, url: checked, secret });
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, `not found in this workspace: segment ${segment}`);
    return row.item;
  },
});

export const deleteWebhook = mutation({
  name: "deleteWebhook",
  input: z.object({ id }),
  async write({ id: webhook }, tx) {
    const [row] = await tx.run("webhook/delete", { id: webhook });
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, `not found in this workspace: webhook ${webhook}`);
    return row.item;
  },
});
