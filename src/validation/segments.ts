/**
 * saveSegment / updateSegment inputs: a name, an optional description, and a
 * filter of people or of companies (exactly one on save; at most one on
 * update, where it replaces the old one whole). Filters are checked as
 * PersonWhere / CompanyWhere are everywhere else.
 */
import { z } from "zod";
import { AppError, ErrorCode } from "../errors.js";
import type { CompanyWhere, PersonWhere } from "../filters/types.js";
import { validate, validCompanyWhere, validPersonWhere } from "./where.js";

const name = z.string().trim().min(1, "give the segment a name").max(120);
const description = z.string().trim().max(2000).nullish();

export interface SegmentFields {
  name?: string;
  description?: string | null;
  filter?: { people: PersonWhere } | { companies: CompanyWhere };
}

export function validSegmentInput(input: Record<string, unknown>): Required<Pick<SegmentFields, "name" | "filter">> & SegmentFields {
  const fields = validate(z.object({ name, description }), { name: input.name, description: input.description }, "input");
  const filter = validFilter(input, "input");
  if (!filter) throw new AppError(ErrorCode.BAD_USER_INPUT, "input: give people or companies, the filter to save", { argument: "input" });
  return { ...fields, filter };
}

export function validSegmentChanges(changes: Record<string, unknown>): SegmentFields {
  const fields = validate(z.object({ name: name.nullish(), description }), { name: changes.name, description: changes.description }, "changes");
  return { name: fields.name ?? undefined, description: fields.description, filter: validFilter(changes, "changes") };
}

function validFilter(input: Record<string, unknown>, argument: string): SegmentFields["filter"] {
  if (input.people != null && input.companies != null) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: give people or companies, not both`, { argument });
  }
  if (input.people != null) return { people: validPersonWhere(input.people, `${argument}.people`) };
  if (input.companies != null) return { companies: validCompanyWhere(input.companies, `${argument}.companies`) };
  return undefined;
}
