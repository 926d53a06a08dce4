/** Ids a client names that do not exist are the client's mistake: NOT_FOUND, not an empty answer. */
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";

export async function requirePeople(ids: string[], ctx: RequestContext): Promise<void> {
  const found = await Promise.all(ids.map((id) => ctx.loaders.personById.load(id)));
  const missing = ids.filter((_, index) => found[index] === null);
  if (missing.length > 0) throw new AppError(ErrorCode.NOT_FOUND, `no person with id ${missing.join(", ")}`, { ids: missing });
}

export async function requireCompany(id: string, ctx: RequestContext): Promise<void> {
  if ((await ctx.loaders.companyById.load(id)) === null) throw new AppError(ErrorCode.NOT_FOUND, `no company with id ${id}`, { ids: [id] });
}

/**
 * `read` runs beside the check that the ids exist, not after it: one wave of
 * round trips instead of two. A missing id still answers NOT_FOUND, whatever
 * the read found.
 */
export async function readCheckingPeople<T>(ids: string[], ctx: RequestContext, read: () => Promise<T>): Promise<T> {
  const result = read();
  // Should the check fail first, the read's own failure is not worth reporting.
  result.catch(() => undefined);
  await requirePeople(ids, ctx);
  return result;
}
