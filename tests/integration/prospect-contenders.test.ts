/**
 * A ranking of the whole workspace ranked from its contenders
 * (src/services/prospect-page.ts) gives the pages scoring everyone gives. On
 * a generated graph of 300 people, to which 25 people interested in one topic
 * gained much recent evidence about it (so that a page's last score is high
 * enough to search from), for filters with and without topics:
 * - the first pages, walked ten rows at a time with the contenders first, are
 *   the pages of scoring everyone; the first are settled by the contenders
 *   alone, without reading everyone matched, and later ones, whose last score
 *   is too low to search from, by everyone matched;
 * - over HTTP, a server that starts every such ranking from its contenders
 *   (RAPPORT_CONTENDERS_FROM=0) answers as one that never does, totalCount
 *   included.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Statement } from "../../src/db/run.js";
import { prospectsPage, type ProspectPosition, type ProspectRow } from "../../src/filters/prospects.js";
import type { PersonWhere } from "../../src/filters/types.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { topicKey } from "../../src/graph-document/normalize.js";
import { rankedPage } from "../../src/services/prospect-page.js";
import { everyoneScored, readMatching } from "../../src/services/prospect-ranking.js";
import { signInAsViewer } from "../differential/viewer.js";
import { importedGraph } from "../support/imported-graph.js";
import { gql, startTestServer, type TestServer } from "../support/server.js";
import { personWhereTopics } from "../../src/filters/topic-ids.js";
import { withTopics } from "../support/scope.js";

const imported = importedGraph("contenders", 53, 300);
const { workspace, db, graph } = imported;
const [topicA, topicB] = graph.normalized.topics.map((topic) => topic.name);
const PAGE = 10;
const PAGES = 6;

/** A document that gives 25 people interested in topicA a week of engagements with its content and two critical concerns about it. */
function recentEvidence() {
  const key = topicKey(topicA!);
  const people = graph.normalized.people.filter((p) => p.email && (p.interests ?? []).some((interest) => interest.topic === key)).slice(0, 25);
  const day = (days: number) => new Date(graph.builtAt.getTime() - days * 86_400_000).toISOString();
  const content = [1, 2, 3].map((n) => ({ url: `https://example.com/contenders/${n}`, title: `Playbook ${n}`, topics: [topicA!], publishedAt: day(20).slice(0, 10) }));
  return {
    version: 2,
    content,
    engagements: people.flatMap((p) => content.flatMap((c, n) => [1, 3, 5].map((days) => ({ person: p.email!, content: c.url, action: "ATTENDED", at: day(days + n / 10) })))),
    concerns: people.flatMap((p) => [1, 2].map((days) => ({ person: p.email!, topic: topicA!, text: `Stuck ${days}`, expressedAt: day(days), severity: 5 }))),
  };
}

beforeAll(async () => {
  expect((await importGraphDocument(db, recentEvidence(), { workspace })).ok).toBe(true);
}, 60_000);

const filters: [string, PersonWhere][] = [
  ["everyone", {}],
  [`interested in ${topicA}`, { interestedIn: { topics: [topicA!] } }],
  [`interested in ${topicA} and concerned about ${topicB}, or not`, { interestedIn: { topics: [topicA!] }, OR: [{ expressedConcern: { topics: [topicB!] } }, { NOT: { expressedConcern: { topics: [topicB!] } } }] }],
];

async function page(where: PersonWhere, first: number, viewerId: string | null, after: ProspectPosition["after"] = null) {
  const position: ProspectPosition = { scoredAt: graph.builtAt.toISOString(), after };
  const scope = await withTopics(db, { workspace, viewerId, shortlistFrom: 2_000 }, personWhereTopics(where));
  return { statements: prospectsPage(where, scope, first, position), position };
}

/** db, noting which statements it read. */
function noting() {
  const names: string[] = [];
  return { reader: { read: (statement: Statement<unknown>) => (names.push(statement.name), db.read(statement)) } as unknown as Db, names };
}

describe("a ranking of the whole workspace from its contenders", () => {
  it.each(filters)("%s: the first pages are the pages of scoring everyone, the very first settled by the contenders", async (_, where) => {
    for (const viewerId of [imported.viewerId, null]) {
      const everyone = (await page(where, 10_000, viewerId)).statements;
      const all = await db.read(everyoneScored(everyone, await readMatching(db, everyone)));
      expect(all.length).toBeGreaterThan(PAGES * PAGE);
      const walked: ProspectRow[] = [];
      const settled: boolean[] = [];
      let after: ProspectPosition["after"] = null;
      while (settled.length < PAGES) {
        const { statements, position } = await page(where, PAGE, viewerId, after);
        const { reader, names } = noting();
        const { rows, matching } = await rankedPage(reader, statements, position, PAGE, true);
        expect(rows.length).toBeGreaterThan(0);
        // Settled by its contenders, a page read no one else: not everyone matched.
        expect(names.includes("filters/people-ids")).toBe(matching !== null);
        settled.push(matching === null);
        walked.push(...rows);
        const last = rows.at(-1)!;
        after = { score: last.score, email: String(last.item.email ?? last.item.profileUrl) };
      }
      expect(walked.map((row) => [row.item.id, row.score])).toEqual(all.slice(0, PAGES * PAGE).map((row) => [row.item.id, row.score]));
      expect(settled[0], `the first page, viewer ${viewerId}`).toBe(true);
      expect(settled.at(-1)).toBe(false);
    }
  }, 180_000);
});

describe("Query.prospects with the contenders first", () => {
  let servers: TestServer[] = [];
  let signedIn: Record<string, string> = {};
  beforeAll(async () => {
    signedIn = await signInAsViewer(db, workspace, graph.normalized);
    servers = await Promise.all([{}, { RAPPORT_CONTENDERS_FROM: "0" }].map((env) => startTestServer(workspace, undefined, env)));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it.each(filters.slice(1))("%s: answers as a server that reads everyone matched, totalCount included", async (_, where) => {
    const query = `query($where: PersonWhere!, $after: String) { prospects(where: $where, first: ${PAGE}, after: $after) {
      totalCount edges { score node { id } } pageInfo { endCursor } } }`;
    type Answer = { prospects: { totalCount: number; edges: { score: number; node: { id: string } }[]; pageInfo: { endCursor: string } } };
    // Asked of both at once, page after page: each server's first page fixes its "now", a moment apart.
    const after: (string | null)[] = [null, null];
    for (let i = 0; i < 3; i++) {
      const answers = await Promise.all(servers.map((server, s) => gql(server.url, query, { where, after: after[s] }, signedIn)));
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      const [reading, contending] = answers.map((answer) => answer.data as Answer);
      expect(reading!.prospects.totalCount).toBeGreaterThan(3 * PAGE);
      expect(contending!.prospects.totalCount).toBe(reading!.prospects.totalCount);
      expect(contending!.prospects.edges.map((edge) => edge.node.id)).toEqual(reading!.prospects.edges.map((edge) => edge.node.id));
      // A moment's decay moves a score by less than 1e-6.
      contending!.prospects.edges.forEach((edge, index) => expect(edge.score).toBeCloseTo(reading!.prospects.edges[index]!.score, 5));
      answers.forEach((answer, s) => (after[s] = (answer.data as Answer).prospects.pageInfo.endCursor));
    }
  }, 120_000);
});
