/**
 * The hand-made document of hand-made.ts through the service: people(where)
 * and companies(where) over HTTP give the answers written there, which the
 * in-memory evaluator gives too (in-memory-evaluator.test.ts). The document
 * is moved in time so that its "now" is the real now: every instant in it is
 * at least an hour from the edge of every window it is tested against, so the
 * answers hold for an hour.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompanyWhere, PersonWhere } from "../../src/filters/types.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { gql, startTestServer, type TestServer } from "../support/server.js";
import { validateGraphDocument } from "../../src/graph-document/validate.js";
import { moveInTime } from "./graphs.js";
import { CASES, DOCUMENT, NOW } from "./hand-made.js";
import { signInAsViewer } from "./viewer.js";

const workspace = uniqueWorkspace("hand-made");
const driver = testDriver();
let server: TestServer;
let signedIn: Record<string, string>;
const idOf = new Map<string, string>();

beforeAll(async () => {
  const document = moveInTime(structuredClone(DOCUMENT), Math.floor((Date.now() - NOW.getTime()) / 1000) * 1000);
  const imported = await importGraphDocument(testDb(driver), document, { workspace });
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  const validation = validateGraphDocument(document);
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  signedIn = await signInAsViewer(testDb(driver), workspace, validation.document);
  server = await startTestServer(workspace);
  const { data } = await gql(server.url, "{ people(first: 100) { edges { node { id email } } } }", {}, signedIn);
  for (const { node } of data!.people.edges as { node: { id: string; email: string } }[]) idOf.set(node.email, node.id);
});

afterAll(async () => {
  await server?.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

/** The filter with every `person` (an email in hand-made.ts) replaced by that person's id. */
function withIds<W>(where: W): W {
  return JSON.parse(JSON.stringify(where), (key, value: unknown) => (key === "person" && typeof value === "string" ? idOf.get(value) ?? value : value)) as W;
}

async function keys(field: "people" | "companies", where: PersonWhere | CompanyWhere): Promise<string[]> {
  const key = field === "people" ? "email" : "domain";
  const { data, errors } = await gql(server.url, `query($where: ${field === "people" ? "PersonWhere" : "CompanyWhere"}) {
    ${field}(where: $where, first: 100) { totalCount edges { node { ${key} } } }
  }`, { where: withIds(where) }, signedIn);
  expect(errors, JSON.stringify(where)).toBeUndefined();
  const list = data![field] as { totalCount: number; edges: { node: Record<string, string> }[] };
  expect(list.totalCount, JSON.stringify(where)).toBe(list.edges.length);
  return list.edges.map(({ node }) => node[key]!);
}

describe("the hand-made document through the service", () => {
  it.each(CASES)("$title", async ({ people = [], companies = [] }) => {
    for (const [where, expected] of people) {
      expect((await keys("people", where)).map((email) => email.split("@")[0]).sort(), JSON.stringify(where)).toEqual(expected);
    }
    for (const [where, expected] of companies) expect((await keys("companies", where)).sort(), JSON.stringify(where)).toEqual(expected);
  });
});
