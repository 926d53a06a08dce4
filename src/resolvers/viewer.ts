/** Query.viewer: the signed-in user's person — the Person with their email in their workspace — or null when there is none. */
import type { RequestContext } from "../context.js";

export function viewer(_: unknown, __: unknown, ctx: RequestContext) {
  return ctx.loaders.personByEmail.load(ctx.identity.email);
}
