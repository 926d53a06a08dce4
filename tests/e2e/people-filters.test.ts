/**
 * The canonical questions of the domain, asked through `people` and
 * `companies` on the demo story (answers written in seed/demo-story.ts), and
 * the filter language's edges: errors, NOT_FOUND, pagination.
 */
import { describe, expect, it } from "vitest";
import { demoStoryServer } from "../support/demo-server.js";
import { gql, type GraphQLResponse } from "../support/server.js";

const server = demoStoryServer("filters");

async function names(where: unknown, field = "people"): Promise<string[]> {
  const { data, errors } = await gql(server.url, `query($where: ${field === "people" ? "PersonWhere" : "CompanyWhere"}) {
    ${field}(where: $where, first: 100) { totalCount edges { node { name } } }
  }`, { where });
  expect(errors).toBeUndefined();
  const list = data![field];
  expect(list.totalCount).toBe(list.edges.length);
  return list.edges.map((edge: { node: { name: string } }) => edge.node.name);
}

describe("the canonical questions", () => {
  it("1. connections who read CRM white papers and voiced churn concerns in the last 90 days", async () => {
    const crmWhitePapers = { topics: ["CRM"], contentKinds: ["WHITE_PAPER"] };
    expect(await names({ connectedTo: {}, engagedWith: crmWhitePapers, expressedConcern: { topics: ["churn"], withinDays: 90 } }))
      .toEqual(["Elena Vasquez", "Marcus Bell", "Priya Raman"]);
  });

  it("2. companies where connections read CRM white papers, narrower topics and aliases included", async () => {
    const readers = { connectedTo: {}, engagedWith: { topics: ["customer relationship management"], contentKinds: ["WHITE_PAPER"] } };
    expect(await names({ employs: readers }, "companies")).toEqual([
      "Brightwell Logistics", "Cobalt Ridge Robotics", "Kestrel Analytics", "Lumora Health", "Orchard Lane Retail", "Quillstone Insurance",
    ]);
  });

  it("3. connections within 25 km of me who are interested in a topic", async () => {
    expect(await names({ connectedTo: {}, near: { radiusKm: 25 }, interestedIn: { topics: ["Churn"] } }))
      .toEqual(["Elena Vasquez", "Grace Kim", "Marcus Bell", "Priya Raman"]);
  });

  it("4. companies with a Series B in the last 60 days where I know someone", async () => {
    const seriesB = { types: ["FUNDING"], fundingStages: ["SERIES_B"], withinDays: 60 };
    expect(await names({ hadEvent: seriesB, employs: { connectedTo: {} } }, "companies")).toEqual(["Kestrel Analytics", "Lumora Health"]);
    expect(await names({ hadEvent: seriesB }, "companies")).toEqual(["Kestrel Analytics", "Lumora Health", "Sunmesa Telehealth"]);
  });
});

describe("introductions", () => {
  const PATHS = `query($to: ID, $toCompany: ID, $maxHops: Int) {
    introductionPaths(to: $to, toCompany: $toCompany, maxHops: $maxHops, first: 4) { hops score people { name } }
  }`;
  const idOf = async (field: "person" | "company", key: string) => {
    const { data } = await gql(server.url, `{ ${field}(${field === "person" ? "email" : "domain"}: "${key}") { id } }`);
    return data![field].id as string;
  };
  const summary = (paths: { hops: number; score: number; people: { name: string }[] }[]) =>
    paths.map((p) => [p.people.map((person) => person.name.split(" ")[0]).join(" → "), p.hops, Number(p.score.toFixed(4))]);

  it("5. ranks the paths to a person by the product of strengths, within maxHops", async () => {
    const julien = await idOf("person", "julien.tremblay@sunmesa.example");
    const { data, errors } = await gql(server.url, PATHS, { to: julien, maxHops: 3 });
    expect(errors).toBeUndefined();
    expect(summary(data!.introductionPaths)).toEqual([
      ["Maya → Daniel → Farah → Julien", 3, 0.544],
      ["Maya → Priya → Amara → Julien", 3, 0.5355],
      ["Maya → Olivia → Farah → Julien", 3, 0.364],
      ["Maya → Olivia → Julien", 2, 0.325],
    ]);
    const four = await gql(server.url, PATHS, { to: julien, maxHops: 4 });
    expect(summary(four.data!.introductionPaths)[0]).toEqual(["Maya → Tom → Isabel → Henrik → Julien", 4, 0.7716]);
  });

  it("5. finds the best way to anyone at a company", async () => {
    const sunmesa = await idOf("company", "sunmesa.example");
    const { data } = await gql(server.url, PATHS, { toCompany: sunmesa, maxHops: 3 });
    expect(summary(data!.introductionPaths)[0]).toEqual(["Maya → Priya → Amara", 2, 0.595]);
  });

  it("rejects a bad request and names what is missing", async () => {
    expect((await gql(server.url, PATHS, { maxHops: 3 })).errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect((await gql(server.url, PATHS, { to: "nobody", maxHops: 9 })).errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect((await gql(server.url, PATHS, { to: "nobody", maxHops: 3 })).errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    expect((await gql(server.url, PATHS, { toCompany: "nowhere", maxHops: 3 })).errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });
});

describe("search", () => {
  const SEARCH = `query($text: String!) { search(text: $text, first: 5) { score node {
    __typename ... on Person { name } ... on Company { name } ... on Topic { topic: name }
  } } }`;

  it("finds people, companies and topics by name, title or alias, as prefixes", async () => {
    const { data, errors } = await gql(server.url, SEARCH, { text: "priya" });
    expect(errors).toBeUndefined();
    expect(data!.search[0].node).toEqual({ __typename: "Person", name: "Priya Raman" });
    const companies = await gql(server.url, SEARCH, { text: "Lumo" });
    expect(companies.data!.search.map((hit: { node: { name: string } }) => hit.node.name)).toContain("Lumora Health");
    const byAlias = await gql(server.url, SEARCH, { text: "attrition" });
    expect(byAlias.data!.search[0].node).toEqual({ __typename: "Topic", topic: "Churn" });
  });

  it("treats Lucene and Cypher syntax in the text as words", async () => {
    const { data, errors } = await gql(server.url, SEARCH, { text: "\"}) DETACH DELETE n // [a-z]*~ AND:" });
    expect(errors).toBeUndefined();
    expect(Array.isArray(data!.search)).toBe(true);
    expect((await gql(server.url, SEARCH, { text: "   " })).errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("filter semantics", () => {
  it("excludes the starting person and widens with maxHops", async () => {
    const direct = await names({ connectedTo: { maxHops: 1 } });
    const twoHops = await names({ connectedTo: { maxHops: 2 } });
    expect(direct).toHaveLength(20);
    expect(direct).not.toContain("Maya Chen");
    expect(twoHops).not.toContain("Maya Chen");
    expect(twoHops.length).toBeGreaterThan(direct.length);
    for (const name of direct) expect(twoHops).toContain(name);
  });

  it("combines AND, OR and NOT", async () => {
    const churn = { expressedConcern: { topics: ["churn"], withinDays: 90 } };
    const inNetwork = await names({ AND: [{ connectedTo: {} }, churn] });
    const notChurn = await names({ AND: [{ connectedTo: {} }, { NOT: churn }] });
    expect(inNetwork.length + notChurn.length).toBe(20);
    expect(await names({ connectedTo: {}, OR: [churn, { NOT: churn }] })).toHaveLength(20);
  });

  it("gives NOT_FOUND for a person id that does not exist", async () => {
    const { errors } = await gql(server.url, `{ people(where: { connectedTo: { person: "no-such-person" } }) { totalCount } }`);
    expect(errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });

  it("gives an empty answer for a topic that does not exist", async () => {
    expect(await names({ interestedIn: { topics: ["Underwater Basket Weaving"] } })).toEqual([]);
  });

  it("rejects maxHops over 4 with BAD_USER_INPUT before touching Neo4j", async () => {
    const { errors } = await gql(server.url, `{ people(where: { connectedTo: { maxHops: 9 } }) { totalCount } }`);
    expect(errors?.[0]).toMatchObject({ message: "where.connectedTo.maxHops: maxHops is at most 4", extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("pagination", () => {
  it("walks every page without duplicates or gaps", async () => {
    const everyone = await names({});
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data }: GraphQLResponse = await gql(server.url, `query($after: String) {
        people(first: 7, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } }
      }`, { after });
      const page = data!.people as { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      seen.push(...page.edges.map((edge) => edge.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(everyone.length).toBeGreaterThan(60);
    expect(seen).toEqual(everyone);
  });

  it("gives a list that expands its total on every page, and on a page past the end, which its page statement counts", async () => {
    for (const [field, where] of [["people", { connectedTo: { maxHops: 2 } }], ["companies", { employs: { connectedTo: { maxHops: 2 } } }]] as const) {
      const everyone = await names(where, field);
      const walk = async (after: string | null) => {
        const { data, errors }: GraphQLResponse = await gql(server.url, `query($where: ${field === "people" ? "PersonWhere" : "CompanyWhere"}, $after: String) {
          ${field}(where: $where, first: 4, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } }
        }`, { where, after });
        expect(errors).toBeUndefined();
        return data![field] as { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
      const seen: string[] = [];
      let page = await walk(null);
      for (;;) {
        expect(page.totalCount).toBe(everyone.length);
        seen.push(...page.edges.map((edge) => edge.node.name));
        if (!page.pageInfo.hasNextPage) break;
        page = await walk(page.pageInfo.endCursor);
      }
      expect(everyone.length).toBeGreaterThan(4);
      expect(seen).toEqual(everyone);
      const pastTheEnd = await walk(page.pageInfo.endCursor);
      expect(pastTheEnd.edges).toEqual([]);
      expect(pastTheEnd.totalCount).toBe(everyone.length);
    }
  });

  it("rejects a cursor it did not give out", async () => {
    const { errors } = await gql(server.url, `{ people(after: "bogus") { totalCount } }`);
    expect(errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("orders by the field asked for, ties by the natural key, and walks the pages in that order", async () => {
    type Row = { email: string; title: string | null };
    const walk = async (orderBy: unknown) => {
      const rows: Row[] = [];
      let after: string | null = null;
      do {
        const { data, errors }: GraphQLResponse = await gql(server.url, `query($orderBy: PersonOrder, $after: String) {
          people(orderBy: $orderBy, first: 9, after: $after) { edges { node { email title } } pageInfo { hasNextPage endCursor } }
        }`, { orderBy, after });
        expect(errors).toBeUndefined();
        const page = data!.people as { edges: { node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        rows.push(...page.edges.map((edge) => edge.node));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return rows;
    };
    const byTitle = await walk({ field: "TITLE", direction: "DESC" });
    const expected = [...byTitle].sort((a, b) => compare((b.title ?? "").toLowerCase(), (a.title ?? "").toLowerCase()) || compare(b.email, a.email));
    expect(byTitle.length).toBeGreaterThan(60);
    expect(byTitle).toEqual(expected);
    expect((await walk({ field: "EMAIL" })).map((row) => row.email)).toEqual(byTitle.map((row) => row.email).sort(compare));
  });

  it("orders companies by headcount, unknown sizes last when descending", async () => {
    const { data, errors } = await gql(server.url, `{ companies(orderBy: { field: HEADCOUNT, direction: DESC }, first: 100) { edges { node { domain headcount } } } }`);
    expect(errors).toBeUndefined();
    const headcounts = data!.companies.edges.map((edge: { node: { headcount: number | null } }) => edge.node.headcount ?? -1);
    expect(headcounts.length).toBeGreaterThan(10);
    expect(headcounts).toEqual([...headcounts].sort((a: number, b: number) => b - a));
  });

  it("refuses a cursor from another order", async () => {
    const { data } = await gql(server.url, `{ people(first: 2) { pageInfo { endCursor } } }`);
    const { errors } = await gql(server.url, `query($after: String) { people(orderBy: { field: EMAIL }, after: $after) { totalCount } }`, { after: data!.people.pageInfo.endCursor });
    expect(errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});

/** Code-point order, as Neo4j compares strings. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
