/**
 * PersonWhere and CompanyWhere, checked beyond what GraphQL types say: ranges
 * (maxHops 1..4, strengths and weights in [0, 1], days ≥ 0), non-empty topic
 * lists, a location given either as coordinates or as a person, and a bounded
 * nesting depth. A failure is a BAD_USER_INPUT naming the field's path.
 */
import { z } from "zod";
import { AppError, ErrorCode } from "../errors.js";
import type { CompanyWhere, PersonWhere } from "../filters/types.js";
import { MAX_HOPS } from "../bounds.js";

const MAX_FILTER_DEPTH = 12;

const unit = z.number().min(0).max(1);
const days = z.number().int().min(0).max(36_500);
const topics = z.array(z.string().trim().min(1)).min(1, "give at least one topic");

const connectedTo = z.object({
  person: z.string().nullish(),
  team: z.boolean().nullish(),
  maxHops: z.number().int().min(1).max(MAX_HOPS, `maxHops is at most ${MAX_HOPS}`).nullish(),
  minStrength: unit.nullish(),
}).refine((c) => !(c.team && c.person != null), { message: "give a person or team: true, not both", path: ["team"] });

const near = z.object({
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  person: z.string().nullish(),
  radiusKm: z.number().positive().max(20_000),
}).refine((n) => (n.latitude != null) === (n.longitude != null), "give both latitude and longitude, or neither")
  .refine((n) => !(n.latitude != null && n.person != null), "give coordinates or a person, not both");

const personWhere: z.ZodType<PersonWhere> = z.lazy(() => z.object({
  connectedTo: connectedTo.nullish(),
  interestedIn: z.object({ topics, minWeight: unit.nullish() }).nullish(),
  engagedWith: z.object({
    topics: topics.nullish(), contentKinds: z.array(z.string()).nullish(), actions: z.array(z.string()).nullish(),
    withinDays: days.nullish(), minCount: z.number().int().min(1).nullish(),
  }).nullish(),
  expressedConcern: z.object({
    topics: topics.nullish(), withinDays: days.nullish(), minSeverity: z.number().int().min(1).max(5).nullish(),
    levels: z.array(z.string()).nullish(), sources: z.array(z.string()).nullish(),
  }).nullish(),
  worksAt: companyWhere.nullish(),
  near: near.nullish(),
  titleContains: z.string().max(200).nullish(),
  changedJobWithinDays: days.nullish(),
  AND: z.array(personWhere).nullish(),
  OR: z.array(personWhere).nullish(),
  NOT: personWhere.nullish(),
}));

const companyWhere: z.ZodType<CompanyWhere> = z.lazy(() => z.object({
  domains: z.array(z.string()).nullish(),
  industries: z.array(z.string()).nullish(),
  statuses: z.array(z.string()).nullish(),
  relationshipLevels: z.array(z.string()).nullish(),
  employeesMin: z.number().int().min(0).nullish(),
  employeesMax: z.number().int().min(0).nullish(),
  hadEvent: z.object({ types: z.array(z.string()).nullish(), fundingStages: z.array(z.string()).nullish(), withinDays: days.nullish() }).nullish(),
  employs: personWhere.nullish(),
  AND: z.array(companyWhere).nullish(),
  OR: z.array(companyWhere).nullish(),
  NOT: companyWhere.nullish(),
}));

export function validPersonWhere(input: unknown, argument = "where"): PersonWhere {
  return validate(personWhere, input ?? {}, argument);
}

export function validCompanyWhere(input: unknown, argument = "where"): CompanyWhere {
  return validate(companyWhere, input ?? {}, argument);
}

/** Parses an input with a zod schema; the first problem becomes a BAD_USER_INPUT naming its path. */
export function validate<T>(schema: z.ZodType<T>, input: unknown, argument: string): T {
  if (depth(input) > MAX_FILTER_DEPTH) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument} nests deeper than ${MAX_FILTER_DEPTH} levels`, { argument });
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = [argument, ...issue.path].map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("").slice(1);
  throw new AppError(ErrorCode.BAD_USER_INPUT, `${path}: ${issue.message}`, { argument, path: [argument, ...issue.path] });
}

function depth(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depth));
}
