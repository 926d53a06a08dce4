/**
 * Validation of a whole graph document before anything is written. Every
 * problem is reported, each with its JSON path (`people[3].email: invalid
 * email`): record shapes (zod), keys repeated within the document, references
 * to records neither in the document nor already in the graph (`known`),
 * self-connections and cycles in the topic hierarchy. Only a document with no
 * problem is normalized for import.
 */
import type { z } from "zod";
import { normalizeDocument, type NormalizedDocument } from "./normalize.js";
import { DOCUMENT_VERSIONS, SECTIONS, type ParsedSections, type SectionName } from "./schema.js";
import { checkDocument, type KnownKeys, type Problem, type SectionsWithHoles } from "./document-checks.js";

export type { KnownKeys, Problem };

export const NO_KNOWN_KEYS: KnownKeys = { emails: new Set(), profiles: new Map(), domains: new Set(), companyNames: new Set(), contentUrls: new Set(), topicKeys: new Map() };

export type Validation = { ok: true; document: NormalizedDocument } | { ok: false; problems: Problem[] };

export function validateGraphDocument(input: unknown, known: KnownKeys = NO_KNOWN_KEYS): Validation {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: "$", message: "a graph document must be a JSON object" }] };
  }
  const problems: Problem[] = [];
  const raw = input as Record<string, unknown>;
  if (!(DOCUMENT_VERSIONS as readonly unknown[]).includes(raw.version)) {
    problems.push({ path: "version", message: raw.version === undefined ? "required: 2 (or 1)" : "unsupported version; expected 2 (or 1)" });
  }
  for (const field of Object.keys(raw)) {
    if (field !== "version" && !Object.hasOwn(SECTIONS, field)) problems.push({ path: field, message: "unknown field" });
  }

  const sections = {} as Record<SectionName, unknown[]>;
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    sections[name] = parseSection(name, raw[name], problems);
  }
  const resolveTopic = checkDocument(sections as SectionsWithHoles, known, problems);
  if (problems.length > 0) return { ok: false, problems: inDocumentOrder(problems) };
  // No problem means no record failed its schema, so no section has a hole.
  return { ok: true, document: normalizeDocument(sections as ParsedSections, resolveTopic) };
}

/**
 * The section's records for the checks across records. An invalid record adds
 * its problems and takes part without its faulty fields when what is left is
 * still a record, so that one typo does not also make every reference to it
 * "unknown"; otherwise it is a hole.
 */
function parseSection(name: SectionName, value: unknown, problems: Problem[]): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ path: name, message: "must be an array" });
    return [];
  }
  const schema: z.ZodType = SECTIONS[name];
  const records: unknown[] = [];
  value.forEach((record, index) => {
    const result = schema.safeParse(record, { error: plainMessage });
    if (result.success) {
      records.push(result.data);
      return;
    }
    const faultyFields = new Set<PropertyKey>();
    for (const issue of result.error.issues) {
      const base = [name, index, ...issue.path];
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) problems.push({ path: formatPath([...base, key]), message: "unknown field" });
      } else {
        problems.push({ path: formatPath(base), message: issue.message });
      }
      faultyFields.add(issue.path[0] ?? "");
      if (issue.code === "unrecognized_keys" && issue.path.length === 0) issue.keys.forEach((key) => faultyFields.add(key));
    }
    records.push(withoutFields(schema, record, faultyFields));
  });
  return records;
}

function withoutFields(schema: z.ZodType, record: unknown, fields: ReadonlySet<PropertyKey>): unknown {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return undefined;
  const rest = Object.fromEntries(Object.entries(record).filter(([field]) => !fields.has(field)));
  const result = schema.safeParse(rest);
  return result.success ? result.data : undefined;
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

/** Problems sorted by where they stand in the document: section, then record (stable within a record). */
function inDocumentOrder(problems: Problem[]): Problem[] {
  const sectionOrder = Object.keys(SECTIONS);
  const position = (path: string): [number, number] => {
    const match = /^(\w+)(?:\[(\d+)\])?/.exec(path);
    return [sectionOrder.indexOf(match?.[1] ?? ""), Number(match?.[2] ?? -1)];
  };
  return problems
    .map((problem, index) => ({ problem, index, at: position(problem.path) }))
    .sort((x, y) => x.at[0] - y.at[0] || x.at[1] - y.at[1] || x.index - y.index)
    .map(({ problem }) => problem);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}
