/**
 * Query.introductionPaths: who can introduce whom. Simple paths of at most
 * maxHops connections, best first by the product of connection strengths.
 */
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { startingPerson } from "../filters/compile.js";
import { introductionPaths as introductionStatement } from "../filters/statements.js";
import { exactlyOne } from "../validation/arguments.js";
import { MAX_HOPS } from "../validation/where.js";
import { requireCompany, requirePeople } from "./existence.js";

interface IntroductionArgs {
  from?: string | null;
  to?: string | null;
  toCompany?: string | null;
  maxHops: number;
  first: number;
}

const MAX_PATHS = 50;

export async function introductionPaths(_: unknown, args: IntroductionArgs, ctx: RequestContext) {
  const target = exactlyOne(args, "to", "toCompany");
  if (!Number.isInteger(args.maxHops) || args.maxHops < 1 || args.maxHops > MAX_HOPS) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `maxHops must be from 1 to ${MAX_HOPS}`, { argument: "maxHops" });
  }
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PATHS) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first must be from 1 to ${MAX_PATHS}`, { argument: "first" });
  }
  const viewerId = await ctx.viewerId();
  const from = startingPerson(args.from, viewerId);
  const to = target.name === "to" ? target.value : null;
  const toCompany = target.name === "toCompany" ? target.value : null;
  await requirePeople(to ? [from, to] : [from], ctx);
  if (toCompany) await requireCompany(toCompany, ctx);
  const statement = introductionStatement({ workspace: ctx.workspace, viewerId }, from, { to, toCompany }, args.maxHops, args.first);
  return ctx.db.readCompiled("filters/introduction-paths", statement);
}
