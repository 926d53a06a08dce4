/**
 * A ranking of the whole workspace finds its page by upper bounds
 * (src/services/prospect-ranking.ts) from evidence bounds kept on each person
 * (src/scoring.ts). On a generated graph of 300 people:
 * - the importer's bounds are what each person's engagements and concerns,
 *   and each company's events, add up to, and the migrations that compute
 *   them for an existing graph find the same;
 * - no one scores above their upper bound;
 * * - pages found by bounds, scored a few people at a time, are the pages that
 *   scoring everyone gives, page after page, while scoring fewer people.
 */
import { describe, expect, it } from "vitest";
import type { Db, Statement } from "../../src/db/run.js";
import { readMigrations } from "../../src/db/migrate.js";
import { prospectsPage, PROSPECTS_SCORING, type ProspectPosition, type ProspectRow } from "../../src/filters/prospects.js";
import { decaysAt, SCORING, scoreUpperBound } from "../../src/scoring.js";
import type { PersonWhere } from "../../src/filters/types.js";
import { everyoneScored, rankedRows, readMatching, SCORING_SHARES, SHARE_FROM } from "../../src/services/prospect-ranking.js";
import { testTarget } from "../support/db.js";
import { companyEventBounds, evidenceBounds, rounded, roundedBound } from "../support/evidence-bounds.js";
import { importedGraph } from "../support/imported-graph.js";
import { personWhereTopics } from "../../src/filters/topic-ids.js";
import { withTopics } from "../support/scope.js";

const imported = importedGraph("ranking", 47, 300);
const { workspace, driver, db, graph } = imported;
const [topicA, topicB] = graph.normalized.topics.map((topic) => topic.name);

describe("evidence bounds", () => {
  it("the importer's are what each person's engagements, concerns and employers' events add up to", async () => {
    const bounds = await evidenceBounds(driver, workspace);
    const withEvidence = [...bounds.values()].filter(({ summed }) => summed.engagement !== null && summed.concern !== null);
    expect(withEvidence.length).toBeGreaterThan(50);
    expect([...bounds.values()].filter(({ summed }) => summed.employerEvents !== null).length).toBeGreaterThan(20);
    for (const [key, { stored, summed }] of bounds) expect([key, ...rounded(stored)]).toEqual([key, ...rounded(summed)]);
  });

  it("the importer's company event bounds are what each company's events add up to", async () => {
    const bounds = await companyEventBounds(driver, workspace);
    expect([...bounds.values()].filter(({ summed }) => summed !== null).length).toBeGreaterThan(10);
    for (const [key, { stored, summed }] of bounds) expect([key, roundedBound(stored)]).toEqual([key, roundedBound(summed)]);
  });

  it("the migrations for a graph written before them compute the same", async () => {
    const [people, companies] = [await evidenceBounds(driver, workspace), await companyEventBounds(driver, workspace)];
    await driver.executeQuery("MATCH (p:Person {workspace: $workspace}) REMOVE p.engagementBound, p.concernBound, p.employerEventBound", { workspace }, { database: testTarget().database });
    await driver.executeQuery("MATCH (c:Company {workspace: $workspace}) REMOVE c.eventBound", { workspace }, { database: testTarget().database });
    const session = driver.session({ database: testTarget().database });
    try {
      for (const migration of readMigrations().filter((m) => ["012-evidence-bounds", "013-company-event-bounds", "014-employer-event-bounds"].includes(m.name))) {
        for (const statement of migration.statements) await session.run(statement);
      }
    } finally {
      await session.close();
    }
    const [peopleAfter, companiesAfter] = [await evidenceBounds(driver, workspace), await companyEventBounds(driver, workspace)];
    for (const [key, { stored }] of people) expect([key, ...rounded(peopleAfter.get(key)!.stored)]).toEqual([key, ...rounded(stored)]);
    for (const [key, { stored }] of companies) expect([key, roundedBound(companiesAfter.get(key)!.stored)]).toEqual([key, roundedBound(stored)]);
  });
});

const filters: [string, PersonWhere][] = [
  ["everyone", {}],
  [`interested in ${topicA}`, { interestedIn: { topics: [topicA!] } }],
  [`engaged with ${topicA} or concerned about ${topicB}`, { OR: [{ engagedWith: { topics: [topicA!] } }, { expressedConcern: { topics: [topicB!] } }] }],
];

async function page(where: PersonWhere, first: number, position: Partial<ProspectPosition> = {}) {
  const scope = await withTopics(db, { workspace, viewerId: imported.viewerId, shortlistFrom: 2_000 }, personWhereTopics(where));
  return prospectsPage(where, scope, first, { scoredAt: graph.builtAt.toISOString(), after: null, ...position });
}

/** db, counting its scoring statements and the people they were given. */
function countingScored() {
  const counted = { people: 0, statements: 0 };
  const read = (statement: Statement<unknown>) => {
    if (statement.name === PROSPECTS_SCORING) {
      const matching = Object.entries(statement.params).find(([name]) => /^matching\d+$/.test(name))![1] as unknown[];
      counted.people += matching.length;
      counted.statements += 1;
    }
    return db.read(statement);
  };
  return { reader: { read } as unknown as Db, counted };
}

describe("a ranking of the whole workspace, by bounds", () => {
  it.each(filters)("%s: no one scores above their upper bound", async (_, where) => {
    const statements = await page(where, 10_000);
    const matching = await readMatching(db, statements);
    const rows = await db.read(everyoneScored(statements, matching));
    const boundOf = new Map(matching.ids.map((id, index) => [id, scoreUpperBound(matching.evidence[index]!, matching.reach.get(id) ?? 0)]));
    expect(rows.length).toBe(matching.ids.length);
    expect(rows.filter((row) => row.score > 0.3).length).toBeGreaterThan(10);
    for (const row of rows) expect(boundOf.get(String(row.item.id))).toBeGreaterThanOrEqual(row.score);
  });

  it.each(filters)("%s: each person's evidence bound is their stored bounds decayed to the ranking's instant and weighed", async (_, where) => {
    const matching = await readMatching(db, await page(where, 10_000));
    const stored = await db.readKeyed("person/by-ids", { workspace, keys: matching.ids });
    const byId = new Map(stored.map(({ item }) => [item.id, item]));
    const { engagement, concern, event } = decaysAt(graph.builtAt.getTime());
    const { weights } = SCORING;
    const signal = (weight: number, bound: unknown, decay: number) => weight * (1 - Math.exp(-Number(bound ?? 0) * decay));
    expect(matching.evidence.filter((evidence) => evidence > 0.1).length).toBeGreaterThan(10);
    matching.ids.forEach((id, index) => {
      const person = byId.get(id)!;
      const expected = signal(weights.engagement, person.engagementBound, engagement) + signal(weights.concern, person.concernBound, concern)
        + signal(weights.event, person.employerEventBound, event);
      expect(matching.evidence[index]).toBeCloseTo(expected, 9);
    });
  });

  it.each(filters)("%s: pages of fifteen, scored fifteen people at first, are the pages of scoring everyone", async (_, where) => {
    const { all, walked } = await walk(where);
    expect(walked.map((row) => [row.item.id, row.score])).toEqual(all.map((row) => [row.item.id, row.score]));
  }, 120_000);

  it("a slice of many people is scored by statements side by side, each a share, which give the page one statement gives", async () => {
    const { all } = await walk(filters[0]![1]);
    expect(all.length).toBeGreaterThanOrEqual(SHARE_FROM);
    const statements = await page(filters[0]![1], 15);
    const { reader, counted } = countingScored();
    const rows = await rankedRows(reader, statements, await readMatching(db, statements), { scoredAt: graph.builtAt.toISOString(), after: null }, 15, [], all.length);
    expect(counted).toEqual({ people: all.length, statements: SCORING_SHARES });
    expect(rows.map((row) => [row.item.id, row.score])).toEqual(all.slice(0, 15).map((row) => [row.item.id, row.score]));
  }, 120_000);

  it("the first page of everyone scores a few of them; a page deep in the list, everyone before it", async () => {
    const { all, scoredPerPage } = await walk(filters[0]![1]);
    expect(scoredPerPage[0]).toBeLessThan(all.length / 4);
    expect(scoredPerPage.at(-1)).toBeGreaterThan(all.length * 0.9);
  }, 120_000);
});

const walks = new Map<PersonWhere, ReturnType<typeof walkOnce>>();
const walk = (where: PersonWhere) => walks.get(where) ?? walks.set(where, walkOnce(where)).get(where)!;

/** Every page of `where`'s ranking in turn, fifteen rows each, found by bounds starting from fifteen people, and the whole ranking scored at once. */
async function walkOnce(where: PersonWhere) {
  const everyone = await page(where, 10_000);
  const all = await db.read(everyoneScored(everyone, await readMatching(db, everyone)));
  const walked: ProspectRow[] = [];
  const scoredPerPage: number[] = [];
  let after: ProspectPosition["after"] = null;
  while (walked.length < all.length) {
    const { reader, counted } = countingScored();
    const statements = await page(where, 15, { after });
    const rows = await rankedRows(reader, statements, await readMatching(db, statements), { scoredAt: graph.builtAt.toISOString(), after }, 15, [], 15);
    expect(rows.length).toBeGreaterThan(0);
    walked.push(...rows);
    scoredPerPage.push(counted.people);
    const last = rows.at(-1)!;
    after = { score: last.score, email: String(last.item.email ?? last.item.profileUrl) };
  }
  return { all, walked, scoredPerPage };
}
