/**
 * API keys over the API, for a workspace's ADMINs (the schema marks the
 * fields @requiresRole(role: ADMIN); src/plugins/roles.ts enforces it). Keys
 * are always of the caller's workspace; `npm run apikey` does the same from
 * the command line, for any workspace.
 */
import { createApiKey, listApiKeys, revokeApiKey } from "../auth/api-keys.js";
import { identityFields } from "../auth/identity.js";
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { validate } from "../validation/where.js";

export const apiKeyQueries = {
  apiKeys: (_: unknown, __: unknown, ctx: RequestContext) => listApiKeys(ctx.db, ctx.workspace),
};

export const apiKeyMutations = {
  async createApiKey(_: unknown, args: { email: string; role: string }, ctx: RequestContext) {
    const owner = validate(identityFields, { workspace: ctx.workspace, email: args.email, role: args.role }, "email");
    const { key, record } = await createApiKey(ctx.db, owner);
    return { key, apiKey: record };
  },

  async revokeApiKey(_: unknown, args: { id: string }, ctx: RequestContext) {
    const mine = (await listApiKeys(ctx.db, ctx.workspace)).find((key) => key.id === args.id);
    if (!mine) throw new AppError(ErrorCode.NOT_FOUND, "this workspace has no API key with that id", { argument: "id" });
    const revoked = await revokeApiKey(ctx.db, args.id);
    return { ...mine, revokedAt: revoked?.revokedAt ?? mine.revokedAt };
  },
};
