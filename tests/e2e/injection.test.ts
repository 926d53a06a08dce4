/**
 * Hostile strings in every string argument: quotes, backticks, Cypher and
 * Lucene fragments, parameter names, control and bidirectional characters, a
 * lone surrogate and 100 kB strings, in every String or ID argument of every
 * root field, inside input objects (PersonWhere.titleContains, topic lists,
 * domains …) too. The slots are read from the schema at test time, so a new
 * argument is covered without a line here. Each answer must be data, or a
 * BAD_USER_INPUT / NOT_FOUND error — never INTERNAL_SERVER_ERROR — and the
 * served workspace must be exactly as it was.
 */
import fs from "node:fs";
import {
  buildSchema, getNamedType, getNullableType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
  type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLOutputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { SCHEMA_FILE } from "../../src/server.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { counts, fingerprint } from "../support/fingerprint.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const HOSTILE = [
  "'", "\"", "`", "\\", "'})-[r]-() DETACH DELETE r //",
  "}) DETACH DELETE n //", "` }) MATCH (n) DETACH DELETE n //", "\" OR 1=1 //", "$workspace", "{workspace: 'other'}",
  "*:* OR name:*", "chuck@northwind.io' OR '1'='1", "Zoë 🙂 \u202eevil\u202c \u0000 \u200b 北京", "\ud800",
  "x".repeat(100_000), "'`\"".repeat(33_334),
];
/** What a query may answer a hostile string with; a mutation may also refuse it its own way (a conflict …), but never with INTERNAL_SERVER_ERROR. */
const QUERY_CODES = (code: string) => ["BAD_USER_INPUT", "NOT_FOUND"].includes(code);
const MUTATION_CODES = (code: string) => code !== "INTERNAL_SERVER_ERROR";
/** Other arguments a slot needs to get past argument checks to the database (`from` alone is "give exactly one of to and toCompany"). */
const COMPANIONS: Record<string, Record<string, unknown>> = {
  "introductionPaths.from": { to: "someone" },
};

const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, "utf8"));
const workspace = uniqueWorkspace("injection");
const scratch = uniqueWorkspace("injection-scratch");
const driver = testDriver();
let server: TestServer;

beforeAll(async () => {
  expect((await importGraphDocument(testDb(driver), smallGraph(), { workspace })).ok).toBe(true);
  // The selections below walk three levels of every type; the cost limit is not what this file tests.
  server = await startTestServer(workspace, undefined, { RAPPORT_MAX_COST: "1000000" });
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await wipeWorkspace(driver, scratch);
  await driver.close();
});

/** A place a string can go: a root field, the path from its argument down through input objects, and whether it is a list. */
interface Slot {
  root: "Query" | "Mutation";
  field: GraphQLField<unknown, unknown>;
  path: string[];
}

const SLOTS: Slot[] = (["Query", "Mutation"] as const).flatMap((root) => {
  const type = root === "Query" ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {}).flatMap((field) =>
    field.args.flatMap((arg) => stringPaths(arg.type, [arg.name], new Set()).map((path) => ({ root, field, path }))));
});

/** Every path to a String or ID inside a type; each input object once per path, so recursive filters end. */
function stringPaths(type: GraphQLInputType, path: string[], seen: Set<string>): string[][] {
  const named = getNamedType(type);
  if (named.name === "String" || named.name === "ID") return [path];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const inner = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((field) => stringPaths(field.type, [...path, field.name], inner));
}

describe("hostile strings", () => {
  it("finds string slots in root arguments and inside input objects", () => {
    const names = SLOTS.map((slot) => `${slot.field.name}(${slot.path.join(".")})`);
    for (const expected of ["person(email)", "topic(name)", "search(text)", "people(where.titleContains)", "people(where.interestedIn.topics)",
      "people(where.worksAt.domains)", "companies(where.employs.connectedTo.person)", "introductionPaths(toCompany)", "people(after)"]) {
      expect(names).toContain(expected);
    }
  });

  it("get data or BAD_USER_INPUT / NOT_FOUND in every string argument of every query, and change nothing", async () => {
    const before = { graph: await fingerprint(driver, workspace), counts: await counts(driver, workspace) };
    const failures = await sendAll(SLOTS.filter((slot) => slot.root === "Query"), {}, QUERY_CODES);
    expect(failures).toEqual([]);
    expect(await counts(driver, workspace)).toEqual(before.counts);
    expect(await fingerprint(driver, workspace)).toBe(before.graph);
  });

  it("never make a mutation fail with INTERNAL_SERVER_ERROR (run in a scratch workspace of their own)", async () => {
    const mutations = SLOTS.filter((slot) => slot.root === "Mutation");
    const before = await fingerprint(driver, workspace);
    const { key } = await createApiKey(testDb(driver), { workspace: scratch, email: "editor@ourco.example", role: "EDITOR" });
    expect(await sendAll(mutations, bearer(key), MUTATION_CODES)).toEqual([]);
    expect(await fingerprint(driver, workspace)).toBe(before);
  });
});

/** Sends every hostile string into every slot; returns what went wrong, as readable lines. */
async function sendAll(slots: Slot[], headers: Record<string, string>, allowed: (code: string) => boolean): Promise<string[]> {
  const failures: string[] = [];
  for (const slot of slots) {
    for (const hostile of HOSTILE) {
      const { query, variables } = operation(slot, hostile);
      const response = await gql(server.url, query, variables, headers);
      const codes = (response.errors ?? []).map((error) => error.extensions.code);
      const unexpected = codes.filter((code) => !allowed(code));
      if (unexpected.length > 0 || (codes.length === 0 && response.data === undefined)) {
        failures.push(`${slot.field.name}(${slot.path.join(".")}) = ${JSON.stringify(hostile.slice(0, 40))}: ${JSON.stringify(response.errors ?? response).slice(0, 300)}`);
      }
    }
  }
  return failures;
}

/** An operation with the hostile string at the slot, every required value on the way filled in, and a selection that runs nested resolvers. */
function operation(slot: Slot, hostile: string): { query: string; variables: Record<string, unknown> } {
  const [argName, ...inside] = slot.path as [string, ...string[]];
  const companions = COMPANIONS[`${slot.field.name}.${argName}`] ?? {};
  const args = slot.field.args.filter((arg) => arg.name === argName || arg.name in companions || (isNonNullType(arg.type) && arg.defaultValue === undefined));
  const variables = Object.fromEntries(args.map((arg) => [
    arg.name,
    arg.name === argName ? placed(arg.type, inside, hostile) : arg.name in companions ? companions[arg.name] : sample(arg.type),
  ]));
  const declarations = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const keyword = slot.root === "Query" ? "query" : "mutation";
  return { query: `${keyword} (${declarations}) { ${slot.field.name}(${passed}) ${selection(slot.field.type, 3)} }`, variables };
}

/** A value of `type` with the hostile string at `path` (in a one-item list where the type is a list). */
function placed(type: GraphQLInputType, path: string[], hostile: string): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [placed(nullable.ofType, path, hostile)];
  const [next, ...rest] = path;
  if (next === undefined || !isInputObjectType(nullable)) return hostile;
  const value = sample(nullable) as Record<string, unknown>;
  value[next] = placed(nullable.getFields()[next]!.type, rest, hostile);
  return value;
}

/** A harmless value of `type`, with the required fields of input objects filled in. */
function sample(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [sample(nullable.ofType)];
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  if (isInputObjectType(nullable)) {
    const required = Object.values(nullable.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(required.map((field) => [field.name, sample(field.type)]));
  }
  return { String: "x", ID: "x", Int: 1, Float: 1, Boolean: false }[nullable.name];
}

/** Leaf fields without required arguments, and object fields to `depth` levels; `__typename` for unions. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return "";
  if (!isObjectType(named)) return "{ __typename }";
  const fields = Object.values(named.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined));
  const parts = fields.flatMap((field) => {
    if (isLeafType(getNamedType(field.type))) return [field.name];
    return depth > 1 ? [`${field.name} ${selection(field.type, depth - 1)}`] : [];
  });
  return `{ __typename ${parts.join(" ")} }`;
}
