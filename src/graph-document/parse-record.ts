/**
 * A record as its section's schema (zod) reads it, each problem with its
 * path inside the record, and the formatting of such paths
 * (`people[3].interests[0].topic`).
 */
import type { z } from "zod";
import { SECTIONS, type SectionName } from "./schema.js";

/** A record as its section's schema reads it (see DocumentChecker.shape); its problems go to `report` when given. */
export function parseRecord(section: SectionName, value: unknown, report?: (path: readonly PropertyKey[], message: string) => void): unknown {
  const schema: z.ZodType = SECTIONS[section];
  const result = schema.safeParse(value, { error: plainMessage });
  if (result.success) return result.data;
  const faultyFields = new Set<PropertyKey>();
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) report?.([...issue.path, key], "unknown field");
    } else {
      report?.(issue.path, issue.message);
    }
    faultyFields.add(issue.path[0] ?? "");
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) issue.keys.forEach((key) => faultyFields.add(key));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const rest = Object.fromEntries(Object.entries(value).filter(([field]) => !faultyFields.has(field)));
  const retried = schema.safeParse(rest);
  return retried.success ? retried.data : undefined;
}

/** Short messages for the issues whose schema sets none; a schema's own message always wins. */
const plainMessage: z.core.$ZodErrorMap = (issue) => {
  const missing = issue.input === undefined;
  if (issue.code === "invalid_type") return missing ? "required" : `expected ${issue.expected}, got ${typeName(issue.input)}`;
  if (issue.code === "invalid_value") return missing ? "required" : `expected one of ${issue.values.join(", ")}`;
  return undefined;
};

function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}
