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
  "statement/people-page-connected",
  "statement/people-count-connected",
  "statement/companies-page",
  "statement/companies-count",
  "statement/companies-page-connected",
  "statement/companies-count-connected",
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
  "prospect/reach-within-two",
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
  const body = loadFragments().get(name).split("\n").filter((line) => !/^\s*\/\//.test(line)).join("\n").trim();
  const renamed = body
    .replace(/\$([A-Za-z]\w*)/g, (whole, param: string) => (GLOBAL_PARAMETERS.has(param) ? whole : `$f${id}_${param}`))
    .replace(/\b([a-z][A-Za-z0-9]*_)(?![A-Za-z0-9_])/g, (local: string) => `${local}${id}`)
    .replace(/\{\{where:(\w+)\}\}/g, (_, variable: string) => {
      if (!nested) throw new Error(`fragment ${name} needs a nested filter`);
      return nested(variable);
    })
    .replace(/\{\{(\w+)\}\}/g, (_, placeholder: string) => {
      const value = values[placeholder];
      if (value === undefined) throw new Error(`fragment ${name} needs a value for {{${placeholder}}}`);
      return value;
    });
  const prefixed: Record<string, unknown> = {};
  for (const [param, value] of Object.entries(params)) prefixed[`f${id}_${param}`] = value;
  return { text: renamed, params: prefixed };
}
