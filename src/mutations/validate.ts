/**
 * Mutation arguments through zod: the parsed value, or a BAD_USER_INPUT whose
 * message and `extensions.path` name the failing field from the argument down
 * (`input.location.latitude`, `aliases[1]`), as filter validation does.
 */
import { z } from "zod";
import { AppError, ErrorCode } from "../errors.js";

export function parseInput<T>(schema: z.ZodType<T>, input: unknown, prefix: (string | number)[] = []): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = [...prefix, ...issue.path.map((part) => (typeof part === "number" ? part : String(part)))];
  const shown = path.map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`)).join("").slice(1);
  throw new AppError(ErrorCode.BAD_USER_INPUT, `${shown || "input"}: ${issue.message}`, { path });
}
