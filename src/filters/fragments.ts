/**
 * The fragments filters are built from (cypher/filters), loaded once, and the
 * one operation on them: instantiation. An instance is a tree (tree.ts) in
 * which every local variable (a name ending in `_`) is a Variable of its own
 * and every parameter but the statement's global ones a Param, so that
 * instances nest without capturing each other's names; it fills the
 * {{placeholders}} and compiles a nested filter into {{where:var_}}. Names
 * are given when the statement is rendered. See cypher/filters/README.md.
 */
import path from "node:path";
import { CYPHER_DIR, CypherCatalogue } from "../db/cypher.js";
import { Cypher, NULL, Param, Variable, type Part } from "./tree.js";

export const FRAGMENT_NAMES = [
  "common/topic-set",
  "common/contenders-reached",
  "common/contenders-by-evidence",
  "common/person-location",
  "common/fixed-point",
  "common/join-paths",
  "common/strongest-path",
  "common/reached-from-anchor",
  "common/reached-from-team",
  "common/from-person",
  "common/from-team",
  "common/team-paths",
  "common/team-strongest-path",
  "common/everyone",
  "common/near-anchor",
  "common/near-team",
  "person/connected-to",
  "person/connected-to-team",
  "person/connected-to-near",
  "person/connected-to-team-near",
  "person/interested-in",
  "person/engaged-with",
  "person/expressed-concern",
  "person/works-at",
  "person/near",
  "person/title-contains",
  "person/changed-job",
  "shortlist/matched",
  "shortlist/step",
  "shortlist/first-step",
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
  "statement/companies-page-from-events",
  "statement/companies-count-from-events",
  "statement/introduction-paths-to-person",
  "statement/introduction-paths-to-company",
  "statement/best-paths",
  "statement/strongest-paths",
  "statement/snapshot-people",
  "statement/snapshot-joined",
  "statement/snapshot-left",
  "statement/companies-export",
  "statement/people-ids",
  "statement/people-ids-reached",
  "statement/prospects-scored",
  "statement/prospects-scored-connected",
  "statement/prospects-scored-team",
  "statement/prospects-reach",
  "statement/prospects-contenders",
  "prospect/reach-step",
  "prospect/reach-by-widening",
  "prospect/reach-of-few",
  "prospect/reach-of-matching",
  "prospect/team-reach-step",
  "prospect/team-reach-by-widening",
  "prospect/team-reach-of-few",
  "prospect/score",
  "prospect/evidence",
  "prospect/evidence-bound",
  "prospect/about-evidence",
  "prospect/in-evidence-content",
  "estimate/interests",
  "estimate/reach",
  "estimate/events",
] as const;

export type FragmentName = (typeof FRAGMENT_NAMES)[number];

let catalogue: CypherCatalogue<FragmentName> | undefined;

/** Loaded on first use and kept; loadFragments() at boot makes a missing file stop start-up. */
export function loadFragments(): CypherCatalogue<FragmentName> {
  catalogue ??= CypherCatalogue.loadListed(path.join(CYPHER_DIR, "filters"), FRAGMENT_NAMES, "src/filters/fragments.ts");
  return catalogue;
}

/** Parameters every statement receives under these names (statements.ts), not per instance. */
const GLOBAL_PARAMETERS = new Set(["workspace", "shortlistFrom"]);

/** A fragment's text cut at the names an instance renames, the slots it fills and the conditions it may leave out. */
type Segment =
  | { kind: "text"; text: string }
  | { kind: "parameter" | "local" | "nested" | "value"; name: string }
  | { kind: "given"; on: { kind: "parameter" | "value"; name: string }; connector: string; condition: Segment[] };

/** Where a fragment names a parameter, a local variable, a nested filter's slot or a placeholder. */
const MARKS = /\$([A-Za-z]\w*)|\b([a-z][A-Za-z0-9]*_)(?![A-Za-z0-9_])|\{\{where:(\w+)\}\}|\{\{(\w+)\}\}/g;

/**
 * A condition that holds when a value is not given: `($minSeverity IS NULL OR …)`
 * or `({{topics}} IS NULL OR …)`. In the fragments of one condition (person/,
 * company/, shortlist/), an instance writes only the condition when the value
 * is given, and leaves it out (with the AND before it) when it is not. Whether
 * a value is null is known as the filter is compiled, and every test left out
 * of the text is one Neo4j does not parse, check and plan for a shape it has
 * not seen (with the shortlisting in one way, planning the canonical
 * questions' statements went from 13.2–14.3 s to 8.6–9.1 s). Statements and
 * the other fragments keep such tests as they are written: a page after the
 * first (`$afterKey`) reuses the first page's plan.
 */
const GIVEN = /\((?:\$([A-Za-z]\w*)|\{\{(\w+)\}\}) IS NULL OR /g;
const CONDITION_FRAGMENT = /^(person|company|shortlist)\//;

const templates = new Map<FragmentName, Segment[]>();

/** A fragment without its comment lines, cut into segments once; instances only join them. */
function template(name: FragmentName): Segment[] {
  let segments = templates.get(name);
  if (segments) return segments;
  const body = loadFragments().get(name).split("\n").filter((line) => !/^\s*\/\//.test(line)).join("\n").trim();
  segments = CONDITION_FRAGMENT.test(name) ? withGivenConditions(name, body) : marked(name, body);
  templates.set(name, segments);
  return segments;
}

/** `body` cut at each condition on a value being given, whose inside (without the test) is cut at its marks. */
function withGivenConditions(name: FragmentName, body: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const test of body.matchAll(GIVEN)) {
    if (test.index < at) throw new Error(`fragment ${name}: a condition on a value being given inside another`);
    const end = closingParenthesis(name, body, test.index);
    const [, parameter, value] = test;
    // The AND before a condition goes with it, so that one left out leaves no `AND true` behind; the first of a conjunction becomes `true`.
    const before = body.slice(at, test.index);
    const connector = /\s+AND $/.exec(before)?.[0] ?? "";
    segments.push(...marked(name, before.slice(0, before.length - connector.length)), {
      kind: "given",
      on: parameter !== undefined ? { kind: "parameter", name: parameter } : { kind: "value", name: value! },
      connector,
      condition: marked(name, body.slice(test.index + test[0].length, end)),
    });
    at = end + 1;
  }
  return [...segments, ...marked(name, body.slice(at))];
}

/** The index of the parenthesis that closes the one at `open`. */
function closingParenthesis(name: FragmentName, body: string, open: number): number {
  let depth = 0;
  for (let i = open; i < body.length; i++) {
    if (body[i] === "(") depth += 1;
    else if (body[i] === ")" && --depth === 0) return i;
    else if (body[i] === "'" || body[i] === '"') throw new Error(`fragment ${name}: a string inside a condition on a value being given`);
  }
  throw new Error(`fragment ${name}: a condition on a value being given is not closed`);
}

/** Text cut at its marks. */
function marked(name: FragmentName, body: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const mark of body.matchAll(MARKS)) {
    if (mark.index > at) segments.push({ kind: "text", text: body.slice(at, mark.index) });
    const [, parameter, local, nested, value] = mark;
    if (parameter !== undefined) {
      // A rendered name is the base and an ordinal, so a base must not end in a digit itself.
      if (/\d$/.test(parameter)) throw new Error(`fragment ${name}: parameter $${parameter} ends in a digit`);
      segments.push(GLOBAL_PARAMETERS.has(parameter) ? { kind: "text", text: mark[0] } : { kind: "parameter", name: parameter });
    } else if (local !== undefined) segments.push({ kind: "local", name: local });
    else if (nested !== undefined) segments.push({ kind: "nested", name: nested });
    else segments.push({ kind: "value", name: value! });
    at = mark.index + mark[0].length;
  }
  if (at < body.length) segments.push({ kind: "text", text: body.slice(at) });
  return segments;
}

/** Values as Params, to give several fragments one parameter each (a shortlist step and its condition). */
export function params(values: Record<string, unknown>): Record<string, Param> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, new Param(name, value)]));
}

/**
 * @param values the fragment's {{placeholders}}, by name
 * @param parameters the fragment's $parameters, by their name in the fragment: a Param as it is, any other value as a Param of this instance
 * @param nested compiles the nested filter for a {{where:var_}} slot, given the variable
 */
export function fragment(
  name: FragmentName,
  values: Record<string, Part>,
  parameters: Record<string, unknown>,
  nested?: (variable: Variable) => Cypher,
): Cypher {
  const locals = new Map<string, Variable>();
  const local = (base: string) => {
    let variable = locals.get(base);
    if (!variable) locals.set(base, (variable = new Variable(base)));
    return variable;
  };
  const own = new Map<string, Param>();
  const parameter = (base: string) => {
    const given = parameters[base];
    if (given instanceof Param) return given;
    if (!(base in parameters)) throw new Error(`fragment ${name} needs a value for $${base}`);
    let made = own.get(base);
    if (!made) own.set(base, (made = new Param(base, given)));
    return made;
  };
  const valueOf = (slot: string) => {
    const value = values[slot];
    if (value === undefined) throw new Error(`fragment ${name} needs a value for {{${slot}}}`);
    return value;
  };
  const given = ({ kind, name: base }: { kind: "parameter" | "value"; name: string }) => {
    if (kind === "value") return valueOf(base) !== NULL;
    return parameter(base).value != null;
  };
  const instantiate = (segments: Segment[]): Part[] => segments.flatMap((segment): Part[] => {
    switch (segment.kind) {
      case "text": return [segment.text];
      case "parameter": return [parameter(segment.name)];
      case "local": return [local(segment.name)];
      case "nested":
        if (!nested) throw new Error(`fragment ${name} needs a nested filter`);
        return [nested(local(segment.name))];
      case "value": return [valueOf(segment.name)];
      case "given":
        if (given(segment.on)) return [segment.connector, "(", ...instantiate(segment.condition), ")"];
        return segment.connector === "" ? ["true"] : [];
    }
  });
  const parts = instantiate(template(name));
  return new Cypher(parts);
}
