/**
 * The fragments filters are built from (cypher/filters), loaded once, and the
 * one operation on them: instantiation. Instantiating a fragment gives every
 * local variable (a name ending in `_`) and every parameter but $workspace a
 * suffix unique to the instance, fills the {{placeholders}}, and compiles a
 * nested filter into {{where:var_}}. See cypher/filters/README.md.
 */
import path from "node:path";
import { CYPHER_DIR, CypherCatalogue } from "../db/cypher.js";

export const FRAGMENT_NAMES = [
  "common/topic-set",
  "common/person-location",
  "common/fixed-point",
  "common/join-paths",
  "common/strongest-path",
  "common/reached-from-anchor",
  "common/everyone",
  "person/connected-to",
  "person/interested-in",
  "person/engaged-with",
  "person/expressed-concern",
  "person/works-at",
  "person/near",
  "person/title-contains",
  "person/changed-job",
  "shortlist/matched",
  "shortlist/interested-in",
  "shortlist/engaged-with",
  "shortlist/expressed-concern",
  "company/fields",
  "company/had-event",
  "company/employs",
  "statement/people-page",
  "statement/people-count",
  "statement/people-page-reached",
  "statement/people-count-reached",
  "statement/companies-page",
  "statement/companies-count",
  "statement/companies-page-reached",
  "statement/companies-count-reached",
  "statement/introduction-paths-to-person",
  "statement/introduction-paths-to-company",
  "statement/best-paths",
  "statement/strongest-paths",
  "statement/snapshot-people",
  "statement/snapshot-joined",
  "statement/snapshot-left",
  "statement/companies-export",
  "statement/prospects-page",
  "statement/prospects-page-connected",
  "prospect/reach-step",
  "prospect/reach-by-widening",
  "prospect/reach-of-few",
  "prospect/reach-of-matching",
  "prospect/score",
] as const;

export type FragmentName = (typeof FRAGMENT_NAMES)[number];

let catalogue: CypherCatalogue<FragmentName> | undefined;

/** Loaded on first use and kept; loadFragments() at boot makes a missing file stop start-up. */
export function loadFragments(): CypherCatalogue<FragmentName> {
  catalogue ??= CypherCatalogue.loadListed(path.join(CYPHER_DIR, "filters"), FRAGMENT_NAMES, "src/filters/fragments.ts");
  return catalogue;
}

/** Variables as a fragment's {{carried}} takes them: `, a, b`, to follow the first item of a WITH. */
export function variableList(variables: string[]): string {
  return variables.map((variable) => `, ${variable}`).join("");
}

const GLOBAL_PARAMETERS = new Set(["workspace", "shortlistFrom"]);

export interface Instance {
  text: string;
  params: Record<string, unknown>;
}

/** A fragment's text cut at the names an instance renames and the slots it fills. */
type Segment =
  | { kind: "text"; text: string }
  | { kind: "parameter" | "local" | "nested" | "value"; name: string };

/** Where a fragment names a parameter, a local variable, a nested filter's slot or a placeholder. */
const MARKS = /\$([A-Za-z]\w*)|\b([a-z][A-Za-z0-9]*_)(?![A-Za-z0-9_])|\{\{where:(\w+)\}\}|\{\{(\w+)\}\}/g;
const LOCAL = /^[a-z][A-Za-z0-9]*_$/;

const templates = new Map<FragmentName, Segment[]>();

/** A fragment without its comment lines, cut into segments once; instances only join them. */
function template(name: FragmentName): Segment[] {
  let segments = templates.get(name);
  if (segments) return segments;
  const body = loadFragments().get(name).split("\n").filter((line) => !/^\s*\/\//.test(line)).join("\n").trim();
  segments = [];
  let at = 0;
  for (const mark of body.matchAll(MARKS)) {
    if (mark.index > at) segments.push({ kind: "text", text: body.slice(at, mark.index) });
    const [, parameter, local, nested, value] = mark;
    if (parameter !== undefined) segments.push(GLOBAL_PARAMETERS.has(parameter) ? { kind: "text", text: mark[0] } : { kind: "parameter", name: parameter });
    else if (local !== undefined) segments.push({ kind: "local", name: local });
    else if (nested !== undefined) segments.push({ kind: "nested", name: nested });
    else segments.push({ kind: "value", name: value! });
    at = mark.index + mark[0].length;
  }
  if (at < body.length) segments.push({ kind: "text", text: body.slice(at) });
  templates.set(name, segments);
  return segments;
}

/**
 * @param id a number unique within the statement being built
 * @param values the fragment's {{placeholders}}, by name
 * @param params the fragment's $parameters, by their name in the fragment
 * @param nested compiles the nested filter for a {{where:var_}} slot, given the variable
 */
export function instantiate(
  name: FragmentName,
  id: number,
  values: Record<string, string>,
  params: Record<string, unknown>,
  nested?: (variable: string) => string,
): Instance {
  let text = "";
  for (const segment of template(name)) {
    switch (segment.kind) {
      case "text": text += segment.text; break;
      case "parameter": text += `$f${id}_${segment.name}`; break;
      case "local": text += `${segment.name}${id}`; break;
      case "nested":
        if (!nested) throw new Error(`fragment ${name} needs a nested filter`);
        text += nested(LOCAL.test(segment.name) ? `${segment.name}${id}` : segment.name);
        break;
      case "value": {
        const value = values[segment.name];
        if (value === undefined) throw new Error(`fragment ${name} needs a value for {{${segment.name}}}`);
        text += value;
      }
    }
  }
  const prefixed: Record<string, unknown> = {};
  for (const [param, value] of Object.entries(params)) prefixed[`f${id}_${param}`] = value;
  return { text, params: prefixed };
}

/** Fragment instances a statement adds of its own, numbered from `first` up (above any its filter uses), their parameters gathered. */
export class FragmentInstances {
  readonly params: Record<string, unknown> = {};

  constructor(private next: number) {}

  add(name: FragmentName, values: Record<string, string>, params: Record<string, unknown>): string {
    const instance = instantiate(name, this.next++, values, params);
    Object.assign(this.params, instance.params);
    return instance.text;
  }

  /** An instance number for a fragment instantiated elsewhere. */
  reserve(): number {
    return this.next++;
  }
}
