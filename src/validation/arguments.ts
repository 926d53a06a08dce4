/**
 * Checks of field arguments that the schema's types cannot express. Each
 * failure is a BAD_USER_INPUT naming the argument.
 */
import { z } from "zod";
import { MAX_HOPS, MAX_PAGE_SIZE } from "../bounds.js";
import { AppError, ErrorCode } from "../errors.js";

const pageSizeSchema = z.number().int().min(0).max(MAX_PAGE_SIZE);

/** A `first` argument: 0 to MAX_PAGE_SIZE. */
export function pageSize(first: number, argument = "first"): number {
  const parsed = pageSizeSchema.safeParse(first);
  if (!parsed.success) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must be an integer from 0 to ${MAX_PAGE_SIZE}`, { argument });
  }
  return parsed.data;
}

/** A `maxHops` argument: 1 to MAX_HOPS. */
export function validMaxHops(maxHops: number, argument = "maxHops"): number {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} must be from 1 to ${MAX_HOPS}`, { argument });
  }
  return maxHops;
}

/** Exactly one of alternative arguments, e.g. `id` or `email`. */
export function exactlyOne<N extends string>(args: Partial<Record<N, string | null>>, ...names: [N, N, ...N[]]): { name: N; value: string } {
  const given = names.filter((name) => args[name] != null);
  if (given.length !== 1) {
    const list = `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    throw new AppError(ErrorCode.BAD_USER_INPUT, `give exactly one of ${list}`, { arguments: names });
  }
  const name = given[0]!;
  return { name, value: args[name] as string };
}
