/**
 * How operations are measured before they run, on the real schema: depth,
 * the cost estimate (each `first` — given, from a variable, or the schema's
 * default — multiplies what is below it), the fields that search much of a
 * workspace, and out-of-bounds `first` and `maxHops` wherever they sit.
 */
import fs from "node:fs";
import { buildSchema, Kind, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILE } from "../../src/server.js";
import { measureOperation } from "../../src/validation/operation-limits.js";

const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, "utf8"));

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(schema, document, operation, variables, { maxFirst: 100, maxHops: 4 });
}

describe("measureOperation", () => {
  it("counts depth as the longest chain of fields, and a field's cost as 1 + first × its children's", () => {
    expect(measure('{ person(email: "x") { name } }')).toEqual({ depth: 2, cost: 2, expensive: 0, problems: [] });
    // people: 1 + 100 × (totalCount 1 + edges (1 + node (1 + name 1)))
    expect(measure("{ people(first: 100) { totalCount edges { node { name } } } }")).toEqual({ depth: 4, cost: 401, expensive: 1, problems: [] });
  });

  it("uses the schema's defaults and the variables' values for first", () => {
    // companies defaults to 20, employees to 50: 1 + 20 × (1 + 1 × (1 + 1 × (1 + 50 × 1)))
    expect(measure("{ companies { edges { node { employees { name } } } } }")?.cost).toBe(1 + 20 * (1 + (1 + (1 + 50))));
    const query = "query($n: Int!) { people(first: $n) { edges { node { engagements(first: $n) { at } } } } }";
    expect(measure(query, { n: 10 })?.cost).toBe(1 + 10 * (1 + (1 + (1 + 10))));
    expect(measure(query, { n: 100 })?.cost).toBe(1 + 100 * (1 + (1 + (1 + 100))));
  });

  it("follows fragments and inline fragments, and leaves introspection fields out", () => {
    const query = `{ search(text: "a") { node { ...P ... on Company { name employees(first: 3) { name } } } } __schema { types { name } } }
      fragment P on Person { name company { name } }`;
    // search: 1 + 10 × (node: 1 + (P: name 1 + company 2) + (Company: name 1 + employees 1 + 3 × 1))
    expect(measure(query)).toEqual({ depth: 4, cost: 1 + 10 * (1 + 3 + 5), expensive: 0, problems: [] });
  });

  it("finds first and maxHops out of bounds anywhere, nested filters and variables included", () => {
    expect(measure("{ people(first: 101) { totalCount } }")?.problems).toEqual([{ path: "first", name: "first", value: 101 }]);
    expect(measure('{ person(email: "x") { engagements(first: -1) { at } } }')?.problems).toEqual([{ path: "first", name: "first", value: -1 }]);
    const where = { AND: [{ worksAt: { employs: { connectedTo: { maxHops: 9 } } } }] };
    expect(measure("query($w: PersonWhere) { people(where: $w) { totalCount } }", { w: where })?.problems)
      .toEqual([{ path: "where.AND[0].worksAt.employs.connectedTo.maxHops", name: "maxHops", value: 9 }]);
    expect(measure('{ introductionPaths(to: "p", maxHops: 5) { hops } }')?.problems).toEqual([{ path: "maxHops", name: "maxHops", value: 5 }]);
    expect(measure("{ people(where: { connectedTo: { maxHops: 4 } }, first: 100) { totalCount } }")?.problems).toEqual([]);
  });

  it("counts the fields that search much of a workspace, once per item of the lists around them", () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `p${i}: prospects(where: { interestedIn: { topics: ["CRM"] } }, first: 1) { totalCount }`).join(" ");
    expect(measure(`{ ${aliases} }`)?.expensive).toBe(6);
    // One hop from one person reads that person's neighbours; two hops, the team's reach or no anchor at all read much more.
    expect(measure("{ people(where: { connectedTo: { maxHops: 1 } }) { totalCount } }")?.expensive).toBe(0);
    expect(measure("{ people(where: { connectedTo: {} }) { totalCount } }")?.expensive).toBe(0);
    expect(measure("{ people(where: { connectedTo: { maxHops: 2 } }) { totalCount } }")?.expensive).toBe(1);
    expect(measure("{ companies(where: { employs: { connectedTo: { team: true } } }) { totalCount } }")?.expensive).toBe(1);
    expect(measure('{ introductionPaths(to: "p") { hops } person(email: "x") { name } topic(name: "crm") { name } }')?.expensive).toBe(1);
    // A segment's members and a snapshot's diff run a saved filter again; `segments` takes no first, so it multiplies by 1.
    expect(measure('{ segments { members(first: 5) { totalCount } } snapshot(id: "s") { diff { joined { name } } } }')?.expensive).toBe(2);
  });

  it("takes the operation's default for a variable the client left out", () => {
    const query = "query($n: Int = 500) { people(first: $n) { totalCount } }";
    expect(measure(query)?.problems).toEqual([{ path: "first", name: "first", value: 500 }]);
    expect(measure(query, { n: 10 })).toEqual({ depth: 2, cost: 11, expensive: 1, problems: [] });
  });

  it("does not measure a variable of the wrong type as a number, nor an operation missing a required one: execution refuses both before anything runs", () => {
    expect(measure("query($n: Int!) { people(first: $n) { totalCount } }", { n: "many" })).toEqual({ depth: 2, cost: 2, expensive: 1, problems: [] });
    expect(measure('query($name: String!) { topic(name: $name) { name } }')).toBeNull();
  });
});
