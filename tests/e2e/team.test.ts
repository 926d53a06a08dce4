/**
 * Our connections: connectedTo with team, and introductionPaths from the team,
 * on a small graph with two users, Ann and Bob, whose answers can be read off
 * the connections below. The team reaches whom either user reaches, never a
 * user; an introduction starts at the colleague to ask and passes through no
 * other colleague; a prospect's path starts at the best-connected user.
 *
 *   Ann (user) —0.7— Bob (user)
 *   Ann —0.9— Carl —0.8— Dora        Bob —0.6— Dora
 *   Bob —0.5— Eve —0.4— Fay —0.9— Gus
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { gql, startTestServer, type TestServer } from "../support/server.js";

const DOCUMENT = {
  version: 1,
  companies: [{ domain: "ourco.example" }, { domain: "target.example" }, { domain: "other.example" }],
  people: [
    { email: "ann@ourco.example", name: "Ann", company: "ourco.example" },
    { email: "bob@ourco.example", name: "Bob", company: "ourco.example" },
    { email: "carl@other.example", name: "Carl", company: "other.example" },
    { email: "dora@target.example", name: "Dora", company: "target.example" },
    { email: "eve@other.example", name: "Eve", company: "other.example" },
    { email: "fay@target.example", name: "Fay", company: "target.example" },
    { email: "gus@far.example", name: "Gus" },
  ],
  connections: [
    { a: "ann@ourco.example", b: "bob@ourco.example", strength: 0.7 },
    { a: "ann@ourco.example", b: "carl@other.example", strength: 0.9 },
    { a: "carl@other.example", b: "dora@target.example", strength: 0.8 },
    { a: "bob@ourco.example", b: "dora@target.example", strength: 0.6 },
    { a: "bob@ourco.example", b: "eve@other.example", strength: 0.5 },
    { a: "eve@other.example", b: "fay@target.example", strength: 0.4 },
    { a: "fay@target.example", b: "gus@far.example", strength: 0.9 },
  ],
  users: [{ email: "ann@ourco.example" }, { email: "bob@ourco.example" }],
};

const workspace = uniqueWorkspace("team");
const driver = testDriver();
let server: TestServer;
const idOf = new Map<string, string>();

beforeAll(async () => {
  const imported = await importGraphDocument(testDb(driver), DOCUMENT, { workspace });
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  server = await startTestServer(workspace);
  const { data } = await gql(server.url, "{ people(first: 100) { edges { node { id name } } } companies(first: 100) { edges { node { id domain } } } }");
  for (const { node } of data!.people.edges as { node: { id: string; name: string } }[]) idOf.set(node.name, node.id);
  for (const { node } of data!.companies.edges as { node: { id: string; domain: string } }[]) idOf.set(node.domain, node.id);
});

afterAll(async () => {
  await server?.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

async function list(field: "people" | "companies", where: unknown): Promise<string[]> {
  const key = field === "people" ? "name" : "domain";
  const { data, errors } = await gql(server.url, `query($where: ${field === "people" ? "PersonWhere" : "CompanyWhere"}) {
    ${field}(where: $where, first: 100) { totalCount edges { node { ${key} } } }
  }`, { where });
  expect(errors, JSON.stringify(where)).toBeUndefined();
  expect(data![field].totalCount).toBe(data![field].edges.length);
  return data![field].edges.map((edge: { node: Record<string, string> }) => edge.node[key]);
}

describe("connectedTo with team", () => {
  it("matches whom any user reaches within maxHops, never a user", async () => {
    expect(await list("people", { connectedTo: { team: true } })).toEqual(["Carl", "Dora", "Eve"]);
    expect(await list("people", { connectedTo: { team: true, maxHops: 2 } })).toEqual(["Carl", "Dora", "Eve", "Fay"]);
    expect(await list("people", { connectedTo: { team: true, maxHops: 2, minStrength: 0.55 } })).toEqual(["Carl", "Dora"]);
    // From one person, only that person is left out: Bob is Ann's connection, though a user.
    expect(await list("people", { connectedTo: { person: idOf.get("Ann") } })).toEqual(["Bob", "Carl"]);
  });

  it("works wherever a connectedTo does: nested, and in companies' employs", async () => {
    expect(await list("people", { OR: [{ connectedTo: { team: true } }, { connectedTo: { person: idOf.get("Fay") } }] })).toEqual(["Carl", "Dora", "Eve", "Gus"]);
    expect(await list("people", { NOT: { connectedTo: { team: true, maxHops: 2 } } })).toEqual(["Ann", "Bob", "Gus"]);
    expect(await list("companies", { employs: { connectedTo: { team: true } } })).toEqual(["other.example", "target.example"]);
  });

  it("refuses a team and a person together", async () => {
    const { errors } = await gql(server.url, "query($where: PersonWhere) { people(where: $where) { totalCount } }", {
      where: { connectedTo: { team: true, person: idOf.get("Ann") } },
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", path: ["where", "connectedTo", "team"] });
  });
});

describe("introductionPaths from the team", () => {
  const PATHS = `query($from: ID, $to: ID, $toCompany: ID) {
    introductionPaths(fromTeam: true, from: $from, to: $to, toCompany: $toCompany, maxHops: 3, first: 5) { hops score people { name } }
  }`;
  const paths = async (target: { to?: string; toCompany?: string; from?: string }) => {
    const { data, errors } = await gql(server.url, PATHS, target);
    expect(errors).toBeUndefined();
    return (data!.introductionPaths as { score: number; people: { name: string }[] }[])
      .map((path) => [path.people.map((person) => person.name).join(" → "), Number(path.score.toFixed(4))]);
  };

  it("starts each path at the colleague to ask, best first, through no other colleague", async () => {
    expect(await paths({ to: idOf.get("Dora") })).toEqual([["Ann → Carl → Dora", 0.72], ["Bob → Dora", 0.6]]);
    expect(await paths({ toCompany: idOf.get("target.example") })).toEqual([["Ann → Carl → Dora", 0.72], ["Bob → Dora", 0.6], ["Bob → Eve → Fay", 0.2]]);
  });

  it("refuses fromTeam with from", async () => {
    const { errors } = await gql(server.url, PATHS, { from: idOf.get("Ann"), to: idOf.get("Dora") });
    expect(errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("prospects of our connections", () => {
  it("scores each by the strongest path from any user, and shows that path from the user", async () => {
    const { data, errors } = await gql(server.url, `{
      prospects(where: { connectedTo: { team: true, maxHops: 2 } }, first: 10) {
        totalCount
        edges { score node { name } reasons { ... on ConnectionReason { path { score people { name } } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const edges = data!.prospects.edges as { score: number; node: { name: string }; reasons: { path?: { score: number; people: { name: string }[] } }[] }[];
    expect(data!.prospects.totalCount).toBe(4);
    expect(edges.map((edge) => [edge.node.name, edge.score, edge.reasons.find((reason) => reason.path)?.path?.people.map((person) => person.name)])).toEqual([
      ["Carl", 0.27, ["Ann", "Carl"]],
      ["Dora", 0.216, ["Ann", "Carl", "Dora"]],
      ["Eve", 0.15, ["Bob", "Eve"]],
      ["Fay", 0.06, ["Bob", "Eve", "Fay"]],
    ]);
  });
});
