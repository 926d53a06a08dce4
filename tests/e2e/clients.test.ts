/**
 * Rapport as common clients use it, with their default settings: Apollo
 * Client's normalised cache (every object that two queries select
 * differently keeps both selections, because computed objects carry ids),
 * urql's default GET requests with an API key, Query.node, and Relay
 * connections paged forward and backward.
 */
import { ApolloClient, HttpLink, InMemoryCache, gql as apolloGql } from "@apollo/client";
import { cacheExchange, Client, fetchExchange, gql as urqlGql } from "@urql/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USER_EMAIL } from "../../seed/demo-story.js";
import { createApiKey } from "../../src/auth/api-keys.js";
import { loadDemoIfEmpty } from "../../src/graph-document/demo.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const PRIYA = "priya.raman@lumorahealth.example";
const workspace = uniqueWorkspace("clients");
const driver = testDriver();
let server: TestServer;
let key: string;

beforeAll(async () => {
  const db = testDb(driver);
  expect(await loadDemoIfEmpty(db, workspace)).toMatchObject({ loaded: true });
  key = (await createApiKey(db, { workspace, email: DEMO_USER_EMAIL, role: "READER" })).key;
  server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey" });
});

afterAll(async () => {
  await server?.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

describe("Apollo Client", () => {
  it("keeps what two queries select of the same computed objects, and refetches a person by Query.node", async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: server.url, headers: bearer(key) }), cache: new InMemoryCache() });
    const brief = apolloGql`query Brief($email: String!) {
      person(email: $email) { id name employment { id title company { id name } } connectionToViewer { id score } interests { id weight } }
    }`;
    const detail = apolloGql`query Detail($email: String!) {
      person(email: $email) { id employment { id since } connectionToViewer { id hops people { id name } } interests { id topic { id name } } }
    }`;
    const first = await client.query({ query: brief, variables: { email: PRIYA } });
    const second = await client.query({ query: detail, variables: { email: PRIYA } });
    expect([first.error, second.error]).toEqual([undefined, undefined]);
    expect((second.data as any).person.connectionToViewer.people.map((person: { name: string }) => person.name)).toEqual(["Maya Chen", "Priya Raman"]);
    // The first query's answer, read back from the cache alone after the second was written over it.
    const cached = client.readQuery({ query: brief, variables: { email: PRIYA } }) as any;
    expect(cached).toEqual(first.data);
    expect(cached.person.employment.company.name).toBe("Lumora Health");
    expect(cached.person.connectionToViewer.score).toBeGreaterThan(0);

    const node = await client.query({ query: apolloGql`query Refetch($id: ID!) { node(id: $id) { __typename id ... on Person { email } } }`, variables: { id: cached.person.id } });
    expect((node.data as any).node).toEqual({ __typename: "Person", id: cached.person.id, email: PRIYA });
  });
});

describe("urql", () => {
  it("asks a query with its default GET request and an API key", async () => {
    const requests: string[] = [];
    const client = new Client({
      url: server.url,
      exchanges: [cacheExchange, fetchExchange],
      fetchOptions: { headers: bearer(key) },
      fetch: (input, init) => {
        requests.push(init?.method ?? "GET");
        return fetch(input, init);
      },
    });
    const result = await client.query(urqlGql`query Viewer { viewer { id name } }`, {}).toPromise();
    expect([result.error, requests]).toEqual([undefined, ["GET"]]);
    expect(result.data.viewer.name).toBe("Maya Chen");
  });
});

describe("Query.node", () => {
  it("finds a company and a topic by their ids, and answers null for an id that is nowhere", async () => {
    const ask = (query: string, variables = {}) => gql(server.url, query, variables, bearer(key));
    const { data } = await ask(`{ company(domain: "lumorahealth.example") { id name } topic(name: "CRM") { id name } }`);
    const found = await ask(`query($c: ID!, $t: ID!) { c: node(id: $c) { __typename id } t: node(id: $t) { __typename ... on Topic { name } } none: node(id: "nope") { id } }`, { c: data!.company.id, t: data!.topic.id });
    expect(found).toEqual({ data: { c: { __typename: "Company", id: data!.company.id }, t: { __typename: "Topic", name: "CRM" }, none: null } });
  });
});

describe("Relay connections", () => {
  const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String) {
    people(orderBy: { field: NAME, direction: ASC }, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { email } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  const page = async (variables: Record<string, unknown>) => {
    const { data, errors } = await gql(server.url, PAGE, variables, bearer(key));
    expect(errors).toBeUndefined();
    return data!.people as { edges: { cursor: string; node: { email: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } };
  };

  it("walk backward with last/before through exactly the rows forward pages give, in the list's order", async () => {
    const everyone = (await page({ first: 100 })).edges.map((edge) => edge.node.email);
    expect(everyone.length).toBeGreaterThan(30);
    const walked: string[] = [];
    let before: string | undefined;
    let previous = true;
    while (previous) {
      const backward = await page({ last: 7, before });
      walked.unshift(...backward.edges.map((edge) => edge.node.email));
      expect(backward.pageInfo.hasNextPage).toBe(before !== undefined);
      expect([backward.pageInfo.startCursor, backward.pageInfo.endCursor]).toEqual([backward.edges[0]!.cursor, backward.edges.at(-1)!.cursor]);
      previous = backward.pageInfo.hasPreviousPage;
      before = backward.pageInfo.startCursor!;
    }
    expect(walked).toEqual(everyone);
  });

  it("say where a forward page stands, and go back from it", async () => {
    const firstPage = await page({ first: 5 });
    expect(firstPage.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true, startCursor: firstPage.edges[0]!.cursor });
    const secondPage = await page({ first: 5, after: firstPage.pageInfo.endCursor });
    expect(secondPage.pageInfo.hasPreviousPage).toBe(true);
    const back = await page({ last: 5, before: secondPage.pageInfo.startCursor });
    expect(back.edges).toEqual(firstPage.edges);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it("refuse first with last, and after with last", async () => {
    const both = await gql(server.url, PAGE, { first: 5, last: 5 }, bearer(key));
    const mixed = await gql(server.url, PAGE, { last: 5, after: "x" }, bearer(key));
    expect([both.errors?.[0]?.extensions.code, mixed.errors?.[0]?.extensions.code]).toEqual(["BAD_USER_INPUT", "BAD_USER_INPUT"]);
  });
});

describe("backward pages of the other connections", () => {
  /** The whole list forward, and walked backward in two pages (three for a short list). */
  const walk = async (query: string, pick: (data: any) => { edges: { node: Record<string, unknown> }[]; pageInfo: { hasPreviousPage: boolean; startCursor: string | null } }, field: string) => {
    const whole = pick((await gql(server.url, query, { first: 100 }, bearer(key))).data).edges.map((edge) => edge.node[field]);
    const last = Math.max(2, Math.ceil(whole.length / 2));
    const walked: unknown[] = [];
    let before: string | null = null;
    for (;;) {
      const { data, errors } = await gql(server.url, query, { last, before }, bearer(key));
      expect(errors).toBeUndefined();
      const page = pick(data);
      walked.unshift(...page.edges.map((edge) => edge.node[field]));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    return { whole, walked };
  };

  it("prospects walk backward through the same ranking as forward", async () => {
    const { whole, walked } = await walk(`query($first: Int, $last: Int, $before: String) {
      prospects(where: { connectedTo: { maxHops: 1 } }, first: $first, last: $last, before: $before) { edges { node { email } } pageInfo { hasPreviousPage startCursor } }
    }`, (data) => data.prospects, "email");
    expect(whole.length).toBeGreaterThan(6);
    expect(walked).toEqual(whole);
  });

  it("a person's interactions walk backward like forward", async () => {
    const editor = (await createApiKey(testDb(driver), { workspace, email: DEMO_USER_EMAIL, role: "EDITOR" })).key;
    const busiest = (await gql(server.url, `{ person(email: "${PRIYA}") { id } }`, {}, bearer(key))).data!.person;
    for (let day = 1; day <= 5; day++) {
      const at = new Date(Date.UTC(2026, 5, (day % 3) + 1)).toISOString(); // some at the same instant: ties broken by key
      const recorded = await gql(server.url, `mutation($p: ID!, $at: DateTime!) { recordInteraction(with: $p, kind: CALL, at: $at, notes: "call ${day}") { id } }`, { p: busiest.id, at }, bearer(editor));
      expect(recorded.errors).toBeUndefined();
    }
    const { whole, walked } = await walk(`query($first: Int, $last: Int, $before: String) {
      node(id: "${busiest.id}") { ... on Person { interactions(first: $first, last: $last, before: $before) { edges { node { id } } pageInfo { hasPreviousPage startCursor } } } }
    }`, (result) => result.node.interactions, "id");
    expect(walked).toEqual(whole);
  });
});
