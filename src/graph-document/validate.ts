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
import { SECTIONS, type ParsedSections, type SectionName } from "./schema.js";
import { checkDocument } from "./document-checks.js";

export interface Problem {
  path: string;
  message: string;
}

/** Natural keys already in the workspace; topicKeys maps a lower-cased name or alias to its topic's key. */
export interface KnownKeys {
  emails: ReadonlySet<string>;
  domains: ReadonlySet<string>;
  contentUrls: ReadonlySet<string>;
  topicKeys: ReadonlyMap<string, string>;
}

export const NO_KNOWN_KEYS: KnownKeys = { emails: new Set(), domains: new Set(), contentUrls: new Set(), topicKeys: new Map() };

export type Validation = { ok: true; document: NormalizedDocument } | { ok: false; problems: Problem[] };

export function validateGraphDocument(input: unknown, known: KnownKeys = NO_KNOWN_KEYS): Validation {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: "$", message: "a graph document must be a JSON object" }] };
  }
  const problems: Problem[] = [];
  const raw = input as Record<string, unknown>;
  if (raw.version !== 1) problems.push({ path: "version", message: raw.version === undefined ? "required: 1" : "unsupported version; expected 1" });
  for (const field of Object.keys(raw)) {
    if (field !== "version" && !(field in SECTIONS)) problems.push({ path: field, message: "unknown field" });
  }

  const sections = {} as Record<SectionName, unknown[]>;
  for (const name of Object.keys(SECTIONS) as SectionName[]) {
    sections[name] = parseSection(name, raw[name], problems);
  }
  const parsed = sections as ParsedSections;
  const resolveTopic = checkDocument(parsed, known, problems);
  if (problems.length > 0) return { ok: false, problems: inDocumentOrder(problems) };
  return { ok: true, document: normalizeDocument(parsed, resolveTopic) };
}

/** The section's valid records; each invalid one adds its problems and is left out of later checks. */
function parseSection(name: SectionName, value: unknown, problems: Problem[]): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ path: name, message: "must be an array" });
    return [];
  }
  const schema: z.ZodType = SECTIONS[name];
  const records: unknown[] = [];
  value.forEach((record, index) => {
    const result = schema.safeParse(record, { reportInput: true });
    if (result.success) {
      records.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const base = [name, index, ...issue.path];
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) problems.push({ path: formatPath([...base, key]), message: "unknown field" });
      } else {
        problems.push({ path: formatPath(base), message: messageOf(issue) });
      }
    }
    // Keep the record's position so later problems point at the right index.
    records.push(undefined);
  });
  return records;
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return "required";
  if (issue.code === "invalid_value" && "values" in issue) return `expected one of ${issue.values.join(", ")}`;
  return issue.message;
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

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}
