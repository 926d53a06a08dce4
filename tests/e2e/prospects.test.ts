/**
 * Query.prospects on the demo story: the ranking's membership equals the
 * filter's, the score equals the documented formula recomputed here from the
 * person's own data read through the API, the reasons are the evidence of
 * the filter's topics, and pages walk the ranking without gaps or repeats.
 */
import { describe, expect, it } from "vitest";
import { SCORING } from "../../src/scoring.js";
import { demoStoryServer } from "../support/demo-server.js";
import { gql } from "../support/server.js";

const server = demoStoryServer("prospects");

const PROSPECTS = `query($where: PersonWhere!, $first: Int, $after: String) {
  prospects(where: $where, first: $first, after: $after) {
    totalCount scoredAt
    pageInfo { hasNextPage endCursor }
    edges {
      score
      node { id name email }
      reasons {
        __typename summary weight
        ... on ConnectionReason { path { hops strengths score people { name } } }
        ... on EngagementReason { engagement { action at content { title kind topics { name } } } }
        ... on ConcernReason { concern { text expressedAt severity topic { name } } }
        ... on InterestReason { interest { weight topic { name } } }
        ... on CompanyEventReason { company { name } event { type stage occurredAt } }
      }
    }
  }
}`;

interface Edge {
  score: number;
  node: { id: string; name: string; email: string };
  reasons: ({ __typename: string; summary: string; weight: number } & Record<string, any>)[];
}

async function prospects(where: unknown, first = 100, after?: string) {
  const { data, errors } = await gql(server.url, PROSPECTS, { where, first, after });
  expect(errors).toBeUndefined();
  return data!.prospects as { totalCount: number; scoredAt: string; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] };
}

const Q1 = {
  connectedTo: {},
  engagedWith: { topics: ["CRM"], contentKinds: ["WHITE_PAPER"] },
  expressedConcern: { topics: ["churn"], withinDays: 90 },
};

describe("prospects", () => {
  it("ranks exactly the people the filter matches, best first, ties by email", async () => {
    const ranked = await prospects(Q1);
    expect(ranked.edges.map((edge) => edge.node.name).sort()).toEqual(["Elena Vasquez", "Marcus Bell", "Priya Raman"]);
    expect(ranked.totalCount).toBe(3);
    const wide = await prospects({ connectedTo: { maxHops: 2 } });
    expect(wide.totalCount).toBe(wide.edges.length);
    for (const [before, after] of pairs(wide.edges)) {
      expect(before.score > after.score || (before.score === after.score && before.node.email < after.node.email)).toBe(true);
    }
  });

  it("explains each match with the filter's evidence: the path from me, CRM reading, churn concerns", async () => {
    const crmFamily = ["CRM", "Salesforce CRM", "HubSpot CRM"];
    for (const edge of (await prospects(Q1)).edges) {
      const kinds = edge.reasons.map((reason) => reason.__typename);
      expect(kinds).toContain("ConnectionReason");
      const connection = edge.reasons.find((reason) => reason.__typename === "ConnectionReason")!;
      expect(connection.path.people.at(0).name).toBe("Maya Chen");
      expect(connection.path.people.at(-1).name).toBe(edge.node.name);
      const engagements = edge.reasons.filter((reason) => reason.__typename === "EngagementReason");
      expect(engagements.length).toBeGreaterThan(0);
      for (const { engagement } of engagements) {
        expect(engagement.content.topics.some((topic: { name: string }) => crmFamily.includes(topic.name) || topic.name === "Churn")).toBe(true);
      }
      expect(engagements.some(({ engagement }) => engagement.content.kind === "WHITE_PAPER")).toBe(true);
      const concerns = edge.reasons.filter((reason) => reason.__typename === "ConcernReason");
      expect(concerns.some(({ concern }) => concern.topic.name === "Churn" && daysAgo(concern.expressedAt) <= 90)).toBe(true);
      expect(edge.reasons.map((reason) => reason.weight)).toEqual([...edge.reasons.map((reason) => reason.weight)].sort((a, b) => b - a));
      for (const reason of edge.reasons) expect(reason.summary.length).toBeGreaterThan(10);
      // What a rep reads: no 0.09000000000000001.
      for (const reason of edge.reasons) expect(String(reason.weight)).toMatch(/^\d+(\.\d{1,6})?$/);
    }
  });

  it("quotes Priya's churn concern and her Series B in words a rep can use", async () => {
    const priya = (await prospects(Q1)).edges.find((edge) => edge.node.name === "Priya Raman")!;
    const summaries = priya.reasons.map((reason) => reason.summary);
    expect(summaries).toContainEqual(expect.stringMatching(/^On a call 12 days ago \(Churn, severity 4\): “.*14%.*”$/));
    expect(summaries).toContainEqual(expect.stringMatching(/^Lumora Health raised a Series B round \(\$48M\) 21 days ago$/));
    expect(summaries).toContainEqual("Direct connection: Maya Chen → Priya Raman (0.85)");
  });

  it("scores by the documented formula, recomputed from the person's data", async () => {
    // A filter that names no topic takes every topic as evidence.
    const ranked = await prospects({ connectedTo: { maxHops: 2 }, titleContains: "VP" });
    expect(ranked.edges.length).toBeGreaterThan(3);
    for (const edge of ranked.edges) {
      expect(edge.score).toBeCloseTo(await expectedScore(edge.node.id, ranked.scoredAt, 2), 6);
    }
  });

  it("walks every page of a ranking without repeats or gaps", async () => {
    const where = { connectedTo: { maxHops: 2 } };
    const whole = await prospects(where, 100);
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const walked: string[] = [];
    let after: string | undefined;
    do {
      const page = await prospects(where, 7, after);
      walked.push(...page.edges.map((edge) => edge.node.email));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
    } while (after);
    expect(walked).toEqual(whole.edges.map((edge) => edge.node.email));
    expect(walked.length).toBeGreaterThan(14);
  });

  it("answers a filter without connectedTo, reaching from me within two hops for the connection signal", async () => {
    const ranked = await prospects({ expressedConcern: { topics: ["churn"], withinDays: 90 } });
    const people = await gql(server.url, `{ people(where: { expressedConcern: { topics: ["churn"], withinDays: 90 } }, first: 100) { totalCount } }`);
    expect(ranked.totalCount).toBe(people.data!.people.totalCount);
    const amara = ranked.edges.find((edge) => edge.node.name === "Amara Osei")!;
    const path = amara.reasons.find((reason) => reason.__typename === "ConnectionReason")!.path;
    expect(path.hops).toBe(2);
  });

  it("without connectedTo, takes the same evidence as from me within two hops, read from the content's side", async () => {
    // The whole workspace's ranking looks the content about the topics up once (prospect/evidence); a ranking of
    // the people reached tests each engagement's content (prospect/about-evidence). The same person scores alike.
    const where = { engagedWith: { topics: ["CRM"] } };
    const everyone = await prospects(where);
    const reached = await prospects({ ...where, connectedTo: { maxHops: 2 } });
    const engagementTitles = (edge: Edge) => edge.reasons.flatMap((reason) => (reason.__typename === "EngagementReason" ? [reason.engagement.content.title] : [])).sort();
    const compared = reached.edges.filter((edge) => everyone.edges.some((other) => other.node.id === edge.node.id));
    expect(compared.length).toBeGreaterThan(3);
    for (const edge of compared) {
      const same = everyone.edges.find((other) => other.node.id === edge.node.id)!;
      expect(same.score).toBeCloseTo(edge.score, 4);
      expect(engagementTitles(same)).toEqual(engagementTitles(edge));
      expect(engagementTitles(same).length).toBeGreaterThan(0);
    }
  });

  it("without connectedTo, gives people beyond two hops nothing for the connection", async () => {
    const ranked = await prospects({ titleContains: "a" }, 100);
    const unreached = ranked.edges.filter((edge) => !edge.reasons.some((reason) => reason.__typename === "ConnectionReason"));
    expect(unreached.length).toBeGreaterThan(0);
    expect(unreached.length).toBeLessThan(ranked.edges.length);
    for (const edge of ranked.edges) {
      expect(edge.score).toBeCloseTo(await expectedScore(edge.node.id, ranked.scoredAt, 2), 6);
    }
  });

  it("refuses a cursor it did not give out and a person that does not exist", async () => {
    const badCursor = await gql(server.url, PROSPECTS, { where: Q1, after: "bm90LWEtY3Vyc29y" });
    expect(badCursor.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    const nobody = await gql(server.url, PROSPECTS, { where: { connectedTo: { person: "no-such-person" } } });
    expect(nobody.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });
});

/** ProspectEdge.score's formula, from what the API says about the person and their best path from me. */
async function expectedScore(personId: string, scoredAt: string, maxHops: number): Promise<number> {
  const { data, errors } = await gql(server.url, `query($id: ID!, $maxHops: Int!) {
    person(id: $id) {
      engagements(first: 100) { action at }
      concerns(first: 100) { expressedAt severity }
      interests { weight }
      company { events(first: 100) { occurredAt } }
    }
    introductionPaths(to: $id, maxHops: $maxHops, first: 1) { score }
  }`, { id: personId, maxHops });
  expect(errors).toBeUndefined();
  const person = data!.person;
  const now = Date.parse(scoredAt);
  const age = (iso: string) => (now - Date.parse(iso)) / 86_400_000;
  const inWindow = (iso: string) => age(iso) >= 0 && age(iso) <= SCORING.windowDays;
  const saturate = (sum: number) => 1 - Math.exp(-sum);
  const { weights, actionWeights, halfLives } = SCORING;
  const engagement = person.engagements.filter((e: any) => inWindow(e.at))
    .reduce((sum: number, e: any) => sum + (actionWeights[e.action] ?? SCORING.otherActionWeight) * 2 ** (-age(e.at) / halfLives.engagement), 0);
  const concern = person.concerns.filter((c: any) => inWindow(c.expressedAt))
    .reduce((sum: number, c: any) => sum + ((c.severity ?? SCORING.defaultSeverity) / 5) * 2 ** (-age(c.expressedAt) / halfLives.concern), 0);
  const interest = Math.max(0, ...person.interests.map((i: any) => i.weight));
  const events = (person.company?.events ?? []).filter((e: any) => inWindow(e.occurredAt))
    .reduce((sum: number, e: any) => sum + 2 ** (-age(e.occurredAt) / halfLives.event), 0);
  const connection = data!.introductionPaths[0]?.score ?? 0;
  return weights.connection * connection + weights.engagement * saturate(engagement) + weights.concern * saturate(concern)
    + weights.interest * interest + weights.event * saturate(events);
}

function daysAgo(iso: string): number {
  return (Date.now() - Date.parse(iso)) / 86_400_000;
}

function pairs<T>(list: T[]): [T, T][] {
  return list.slice(1).map((item, i) => [list[i] as T, item]);
}
