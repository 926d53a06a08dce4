/**
 * Query.introductionPaths: who can introduce whom. Simple paths of at most
 * maxHops connections from a person (the viewer by default) or from any user
 * of the workspace (fromTeam), best first by the product of connection strengths.
 */
import type { RequestContext } from "../context.js";
import { AppError, ErrorCode } from "../errors.js";
import { startingPerson } from "../filters/compile.js";
import { introductionPaths as introductionStatement } from "../filters/statements.js";
import { exactlyOne, validMaxHops } from "../validation/arguments.js";
import { readCheckingPeople, requireCompany } from "../services/existence.js";

interface IntroductionArgs {
  from?: string | null;
  fromTeam?: boolean | null;
  to?: string | null;
  toCompany?: string | null;
  maxHops: number;
  first: number;
}

const MAX_PATHS = 50;

export async function introductionPaths(_: unknown, args: IntroductionArgs, ctx: RequestContext) {
  const target = exactlyOne(args, "to", "toCompany");
  const maxHops = validMaxHops(args.maxHops);
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PATHS) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `first must be from 1 to ${MAX_PATHS}`, { argument: "first" });
  }
  const to = target.name === "to" ? target.value : null;
  const toCompany = target.name === "toCompany" ? target.value : null;
  if (args.fromTeam && args.from != null) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "give from or fromTeam: true, not both", { arguments: ["from", "fromTeam"] });
  }
  const scope = await ctx.scope(!args.fromTeam && args.from == null);
  const start = args.fromTeam ? { team: true as const } : { person: startingPerson(args.from, scope) };
  const statement = introductionStatement(scope, start, { to, toCompany }, maxHops, args.first);
  const [paths] = await Promise.all([
    readCheckingPeople(statement.personIds, ctx, () => ctx.db.read(statement)),
    toCompany ? requireCompany(toCompany, ctx) : undefined,
  ]);
  return paths;
}
