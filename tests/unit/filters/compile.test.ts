/**
 * The Cypher a filter compiles to, pinned: a change to a fragment or to the
 * compiler shows here as a diff to review. (Whether the Cypher gives the right
 * answers is for the tests that run it: tests/e2e/people-filters.test.ts.)
 */
import { describe, expect, it } from "vitest";
import neo4j from "neo4j-driver";
import { LIST_PIECE } from "../../../src/db/pieces.js";
import { compilePersonWhere, type CompiledFilter } from "../../../src/filters/compile.js";
import { prospectsPage, type ProspectStatements } from "../../../src/filters/prospects.js";
import { introductionPaths, peopleCount, peopleList } from "../../../src/filters/statements.js";
import { DEFAULT_ORDER } from "../../../src/filters/ordering.js";
import { Naming } from "../../../src/filters/tree.js";
import { contenderSearch } from "../../../src/scoring-contenders.js";
import { everyTopic } from "../../support/scope.js";
import { decaysAt, SCORING } from "../../../src/scoring.js";

/** A compiled filter as a statement renders it: the prelude, then the predicate, named in that order. */
function rendered(compiled: CompiledFilter) {
  const naming = new Naming();
  const prelude = compiled.prelude.map((call) => naming.render(call));
  return { prelude, predicate: naming.render(compiled.predicate), params: naming.params, personIds: compiled.personIds };
}

describe("compilePersonWhere", () => {
  it("compiles the first canonical question, with user values only in parameters", () => {
    const compiled = rendered(compilePersonWhere({
      connectedTo: { maxHops: 2, minStrength: 0.3 },
      engagedWith: { topics: ["CRM"], contentKinds: ["WHITE_PAPER"] },
      expressedConcern: { topics: ["Churn"], withinDays: 90 },
    }, "person", { viewerId: "viewer-id", topicIds: everyTopic }));
    expect(compiled.predicate).toMatchInlineSnapshot(`
      "((person.id <> $anchor0 AND EXISTS {
        MATCH path_0 = (person)-[:KNOWS*1..2]-(anchor_0:Person {workspace: $workspace, id: $anchor0})
        WHERE all(link_0 IN relationships(path_0) WHERE coalesce(link_0.strength, 0.5) >= $minStrength0)
      }) AND EXISTS {
        MATCH (person)-[:VOICED]->(concern_0:Concern)-[:ABOUT]->(topic_0:Topic)
        WHERE (topic_0.id IN $topics0)
          AND (datetime() - duration({days: $withinDays0}) <= concern_0.expressedAt <= datetime())
      } AND EXISTS {
        MATCH (person)-[engagement_0:ENGAGED]->(content_0:Content)
        WHERE (content_0.kind IN $kinds0)
          AND (EXISTS { MATCH (content_0)-[:ABOUT]->(about_0:Topic) WHERE about_0.id IN $topics1 })
        WITH count(engagement_0) AS engagements_0
        WHERE engagements_0 >= $minCount0
        RETURN engagements_0
      })"
    `);
    expect(compiled.prelude).toMatchInlineSnapshot(`[]`);
    expect(compiled.params).toMatchInlineSnapshot(`
      {
        "anchor0": "viewer-id",
        "kinds0": [
          "WHITE_PAPER",
        ],
        "minCount0": 1,
        "minStrength0": 0.3,
        "topics0": [
          "churn-id",
        ],
        "topics1": [
          "crm-id",
        ],
        "withinDays0": 90,
      }
    `);
    expect(compiled.personIds).toEqual(["viewer-id"]);
  });

  it("nests a company filter inside a person filter without variable capture", () => {
    const compiled = rendered(compilePersonWhere({ worksAt: { statuses: ["PROSPECT"], employs: { titleContains: "CEO" } } }, "person", { viewerId: null, topicIds: everyTopic }));
    expect(compiled.predicate).toMatchInlineSnapshot(`
      "EXISTS {
        MATCH (person)-[job_0:WORKS_AT]->(employer_0:Company)
        WHERE (job_0.until IS NULL OR job_0.until > datetime()) AND (coalesce(true
        AND (employer_0.status IN $statuses0), false) AND EXISTS {
        MATCH (employee_0:Person)-[job_1:WORKS_AT]->(employer_0)
        WHERE (job_1.until IS NULL OR job_1.until > datetime()) AND coalesce(toLower(employee_0.title) CONTAINS toLower($text0), false)
      })
      }"
    `);
  });

  it("writes a condition only when its value is given, so a shape without it is planned without it", () => {
    const withSeverity = rendered(compilePersonWhere({ expressedConcern: { withinDays: 30, minSeverity: 3 } }, "person", { viewerId: null, topicIds: everyTopic }));
    expect(withSeverity.predicate).toContain("AND (concern_0.severity >= $minSeverity0)");
    expect(withSeverity.params).toEqual({ withinDays0: 30, minSeverity0: 3 });
    const without = rendered(compilePersonWhere({ expressedConcern: { withinDays: 30 } }, "person", { viewerId: null, topicIds: everyTopic }));
    expect(without.predicate).not.toContain("severity");
    expect(without.predicate).not.toContain("IS NULL OR");
    expect(without.params).toEqual({ withinDays0: 30 });
    // The first condition of a conjunction left out leaves `true`, not a dangling AND.
    expect(without.predicate).toContain("WHERE true\n    AND (datetime()");
  });

  it("keeps hostile strings out of the statement text", () => {
    const hostile = "x'}) DETACH DELETE n //`";
    const statement = peopleList({ titleContains: hostile, interestedIn: { topics: [hostile] } }, { workspace: "w", viewerId: null, shortlistFrom: 2_000, topicIds: everyTopic }, DEFAULT_ORDER, 10, { order: DEFAULT_ORDER, value: hostile, key: hostile }).page;
    expect(statement.text).not.toContain("DETACH");
    expect(Object.values(statement.params)).toContain(hostile);
  });

  it("starts from the anchor person when connectedTo is at the top level, and only then", () => {
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic };
    const anchoredList = peopleList({ connectedTo: { maxHops: 2 }, titleContains: "VP" }, scope, DEFAULT_ORDER, 10, null);
    const anchored = anchoredList.page;
    expect(anchored.text).toContain("MATCH (anchor_0:Person {workspace: $workspace, id: $anchor0})-[links_0:KNOWS*1..2]-(person)");
    expect(anchored.params).toMatchObject({ anchor0: "me", minStrength0: 0, text0: "VP" });
    expect(anchored.personIds).toEqual(["me"]);
    // The people it reaches are held in a list: the page counts them all, and no count statement is written.
    expect(anchored.text).toMatch(/\nWITH collect\(person\) AS matched_0\nOPTIONAL CALL \(matched_0\) \{\n  UNWIND matched_0 AS person\n/);
    expect(anchored.text).toMatch(/\n  LIMIT \$limit0\n\}\nRETURN item, sortValue, size\(matched_0\) AS total$/);
    expect(anchoredList.count).toBeNull();
    const nestedList = peopleList({ AND: [{ connectedTo: { maxHops: 2 } }] }, scope, DEFAULT_ORDER, 10, null);
    const nested = nestedList.page;
    expect(nested.text).toContain("MATCH (person:Person {workspace: $workspace})");
    expect(nested.text).not.toContain("links_0");
    expect(nested.text).toMatch(/, null AS total\nORDER BY /);
    expect(nestedList.count?.text).toMatch(/RETURN count\(person\) AS total$/);
  });

  it("without connectedTo, shortlists everyone by a top-level topic condition, and tests each person otherwise", () => {
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic };
    const shortlisted = peopleCount({ interestedIn: { topics: ["CRM"] }, titleContains: "VP" }, scope);
    // Everyone is not read: the first step reads its people from the topics' side.
    expect(shortlisted.text).not.toContain("MATCH (person:Person {workspace: $workspace})");
    // The one step is certain: nothing tests the number left, and the condition is not tested again.
    expect(shortlisted.text).toMatch(/WITH null AS reached\nCALL \(\) \{/);
    expect(shortlisted.text).not.toContain("$shortlistFrom");
    expect(shortlisted.text).not.toContain("EXISTS { MATCH (person)-[interest_");
    expect(shortlisted.text).toMatch(/\(:Topic \{id: topicId_\d+\}\)<-\[interest_\d+:INTERESTED_IN\]-/);
    expect(shortlisted.personIds).toEqual([]);
    for (const plain of [{ titleContains: "VP" }, { OR: [{ interestedIn: { topics: ["CRM"] } }, { titleContains: "VP" }] }]) {
      const statement = peopleCount(plain, scope);
      expect(statement.text).not.toContain("AS reached");
      expect(statement.text).toContain("MATCH (person:Person {workspace: $workspace})\nWHERE ");
    }
  });

  it("shortlists connected people by the top-level topic conditions only, concerns first, sharing their parameters", () => {
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic };
    const statement = peopleCount({
      connectedTo: { maxHops: 2 },
      engagedWith: { topics: ["CRM"] },
      AND: [{ expressedConcern: { topics: ["Churn"], minSeverity: 3 } }],
      OR: [{ interestedIn: { topics: ["Pricing"] } }, { titleContains: "VP" }],
    }, scope);
    // The concern step reads from the topics' side, the engagement step from the content's.
    expect([...statement.text.matchAll(/\(:Topic \{id: topicId_\d+\}\)<-\[(?:\w+)?:(\w+)\]-/g)].map((match) => match[1])).toEqual(["ABOUT"]);
    expect([...statement.text.matchAll(/MATCH \(content_\d+:Content \{workspace: \$workspace\}\)-\[:ABOUT\]->\(about_\d+\)\n\s*WHERE about_\d+\.id IN \$topics\d+/g)]).toHaveLength(1);
    expect(statement.text.indexOf("concern_") < statement.text.indexOf("engaged_")).toBe(true);
    expect(statement.text).not.toContain("interested_");
    expect(statement.text).toContain("WITH collect(DISTINCT person) AS reached");
    expect(statement.text).toContain("WHERE reached IS NULL OR size(reached) >= $shortlistFrom");
    expect(Number(statement.params.shortlistFrom)).toBe(2_000);
    const concernStep = statement.text.slice(statement.text.indexOf("concern_"));
    expect(concernStep).toMatch(/concern_\d+\.severity >= \$minSeverity(\d+)/);
    const minSeverity = /\$(minSeverity\d+)/.exec(concernStep)![1]!;
    expect(statement.params[minSeverity]).toBe(3);

    const withoutTopics = peopleCount({ connectedTo: { maxHops: 2 }, engagedWith: { actions: ["READ"] } }, scope);
    expect(withoutTopics.text).not.toContain("$shortlistFrom");
  });

  it("takes the first step for certain when the reach estimate says many, and leaves the rest to decide for themselves", () => {
    const where = { connectedTo: { maxHops: 2 }, engagedWith: { topics: ["CRM"] }, expressedConcern: { topics: ["Churn"] } };
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic };
    const many = peopleList(where, { ...scope, fewReached: false }, DEFAULT_ORDER, 10, null).page.text;
    // The concern step, first, keeps whom it finds; the engagement step runs only while enough are left, its condition the fallback.
    expect(many).toMatch(/RETURN collect\(DISTINCT voiced_0\) AS found_0\n\}\nWITH CASE WHEN reached IS NULL THEN found_0 ELSE \[candidate_0 IN reached WHERE candidate_0 IN found_0\] END AS reached\n/);
    expect(many.match(/\$shortlistFrom/g)).toHaveLength(1);
    expect(many).not.toContain("MATCH (person)-[:VOICED]->");
    expect(many).toMatch(/WHERE \(true AND \(shortlisted_0 OR EXISTS \{\n  MATCH \(person\)-\[engagement_\d+:ENGAGED\]->/);
    // Without an estimate (a snapshot, an export) every step decides for itself, the first too.
    const unestimated = peopleList(where, scope, DEFAULT_ORDER, 10, null).page.text;
    expect(unestimated.match(/\$shortlistFrom/g)).toHaveLength(2);
    expect(unestimated).toContain("(shortlisted_0 OR EXISTS {\n  MATCH (person)-[:VOICED]->");
  });

  it("writes no shortlist steps when few are reached, testing each person reached for every condition", () => {
    const where = { connectedTo: { maxHops: 1 }, engagedWith: { topics: ["CRM"] }, expressedConcern: { topics: ["Churn"] } };
    const many = peopleList(where, { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic }, DEFAULT_ORDER, 10, null).page;
    const few = peopleList(where, { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic, fewReached: true }, DEFAULT_ORDER, 10, null).page;
    expect(many.text).toContain("$shortlistFrom");
    expect(few.text).not.toContain("$shortlistFrom");
    expect(few.text).not.toContain("shortlisted_");
    expect(few.text).toMatch(/WITH DISTINCT person\nWHERE \(EXISTS \{\n  MATCH \(person\)-\[:VOICED\]->/);
    expect(few.text).toContain("MATCH (person)-[engagement_0:ENGAGED]->(content_0:Content)");
    expect(few.text.length).toBeLessThan(many.text.length / 2 + 200);
    // Without connectedTo, everyone is read from the topics' side whatever the flag says.
    const everyone = { engagedWith: { topics: ["CRM"] } };
    expect(peopleCount(everyone, { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic, fewReached: true }).text)
      .toBe(peopleCount(everyone, { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic }).text);
  });

  it("combines OR and NOT around whole filters", () => {
    const compiled = rendered(compilePersonWhere({ OR: [{ titleContains: "VP" }, { NOT: { titleContains: "Intern" } }] }, "p", { viewerId: null, topicIds: everyTopic }));
    expect(compiled.predicate).toMatchInlineSnapshot(`"(NOT (coalesce(toLower(p.title) CONTAINS toLower($text0), false)) OR coalesce(toLower(p.title) CONTAINS toLower($text1), false))"`);
  });
});

describe("our team's connections (connectedTo with team)", () => {
  const scope = { workspace: "w", viewerId: undefined, shortlistFrom: 2_000, topicIds: everyTopic };

  it("tests a person for a path to any user, never a user, without reading the viewer", () => {
    const compiled = rendered(compilePersonWhere({ OR: [{ connectedTo: { team: true, maxHops: 2, minStrength: 0.4 } }, { titleContains: "VP" }] }, "person", scope));
    expect(compiled.predicate).toMatchInlineSnapshot(`
      "(coalesce(toLower(person.title) CONTAINS toLower($text0), false) OR (NOT person:User AND EXISTS {
        MATCH path_0 = (person)-[:KNOWS*1..2]-(user_0:User {workspace: $workspace})
        WHERE all(link_0 IN relationships(path_0) WHERE coalesce(link_0.strength, 0.5) >= $minStrength0)
      }))"
    `);
    expect(compiled.params).toEqual({ minStrength0: 0.4, text0: "VP" });
    expect(compiled.personIds).toEqual([]);
  });

  it("expands from all the users at once when the team is the top-level connectedTo", () => {
    const statement = peopleList({ connectedTo: { team: true, maxHops: 2 }, titleContains: "VP" }, scope, DEFAULT_ORDER, 10, null).page;
    expect(statement.text).toContain([
      "MATCH (user_0:User {workspace: $workspace})-[links_0:KNOWS*1..2]-(person)",
      "WHERE all(link_0 IN links_0 WHERE coalesce(link_0.strength, 0.5) >= $minStrength0) AND NOT person:User",
    ].join("\n"));
    expect(statement.text).not.toContain("$anchor");
    expect(statement.personIds).toEqual([]);
  });

  it("finds introductions from any user, through no other user", () => {
    const statement = introductionPaths(scope, { team: true }, { to: "p1", toCompany: null }, 3, 5);
    expect(statement.text).toContain("MATCH leftPath = (:User {workspace: $workspace})-[:KNOWS*0..2]-(middle:Person),");
    expect(statement.text).toContain("WHERE none(member_0 IN pathPeople[1..-1] WHERE member_0:User)");
    expect(statement.params).toMatchObject({ to0: "p1", first0: neo4j.int(5) });
    expect(statement.personIds).toEqual(["p1"]);
    const fromOne = introductionPaths(scope, { person: "me" }, { to: "p1", toCompany: null }, 3, 5);
    expect(fromOne.text).toContain("MATCH leftPath = (:Person {workspace: $workspace, id: $from0})-[:KNOWS*0..2]-(middle:Person),");
    expect(fromOne.text).not.toContain(":User");
  });

  it("scores prospects in one text per kind of ranking, whatever the filter that found them", () => {
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic };
    const position = { scoredAt: "2026-11-22T12:00:00Z", after: null };
    const q1 = prospectsPage({ connectedTo: { maxHops: 1 }, engagedWith: { topics: ["CRM"], contentKinds: ["WHITE_PAPER"] }, expressedConcern: { topics: ["Churn"], withinDays: 90 } }, scope, 20, position);
    const other = prospectsPage({ connectedTo: { maxHops: 1 }, interestedIn: { topics: ["Pricing"] }, titleContains: "VP" }, scope, 20, position);
    expect(q1.matching.text).not.toBe(other.matching.text);
    // From a person everyone matched is scored: no bounds to choose by.
    expect(q1.matching.text).toMatch(/WITH collect\(person\.id\) AS ids, collect\(null\) AS evidence\nUNWIND range\(0, size\(ids\) - 1, \$piece0\) AS at_0\nRETURN ids\[at_0\.\.at_0 \+ \$piece0\] AS ids, evidence\[at_0\.\.at_0 \+ \$piece0\] AS evidence$/);
    expect(q1.matching.params).toMatchObject({ piece0: neo4j.int(LIST_PIECE) });
    const workspace = prospectsPage({ interestedIn: { topics: ["CRM"] } }, scope, 20, position).matching;
    expect(workspace.text).toMatch(/WITH collect\(person\.id\) AS ids, collect\(\$weights0\.engagement \* \(1 - exp\(-coalesce\(person\.engagementBound, 0\.0\) \* \$decays0\.engagement\)\)\n[^]*\$decays0\.event\)\)\) AS evidence\nUNWIND [^]*RETURN ids\[at_0\.\.at_0 \+ \$piece0\] AS ids, evidence\[at_0\.\.at_0 \+ \$piece0\] AS evidence$/);
    expect(workspace.params).toMatchObject({ weights0: SCORING.weights, decays0: decaysAt(Date.parse(position.scoredAt)) });
    expect(scoredIds(q1, ["a"]).text).toBe(scoredIds(other, ["b", "c"]).text);
    expect(scoredIds(q1, ["a"]).params).toMatchObject({ matching0: ["a"], origin0: "me", names0: ["crm", "churn"] });
    // Another number of hops, another kind of ranking.
    const twoHops = prospectsPage({ connectedTo: { maxHops: 2 }, interestedIn: { topics: ["Pricing"] } }, scope, 20, position);
    expect(scoredIds(twoHops, ["a"]).text).not.toBe(scoredIds(other, ["a"]).text);
  });

  it("scores a ranking of the whole workspace from given reaches, in one text whatever the filter", () => {
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic };
    const position = { scoredAt: "2026-11-22T12:00:00Z", after: null };
    const crm = prospectsPage({ interestedIn: { topics: ["CRM"] } }, scope, 20, position);
    const vps = prospectsPage({ titleContains: "VP", expressedConcern: { topics: ["Churn"] } }, scope, 20, position);
    if (crm.kind !== "workspace" || vps.kind !== "workspace") throw new Error("a ranking without connectedTo ranks the whole workspace");
    expect(crm.scored([{ id: "a", reach: 0.5 }]).text).toBe(vps.scored([{ id: "b", reach: 0 }]).text);
    expect(crm.scored([{ id: "a", reach: 0.5 }]).params).toMatchObject({ matching0: [{ id: "a", reach: 0.5 }], origin0: "me", names0: ["crm"] });
    expect(crm.reach?.text).toBe(vps.reach?.text);
    expect(crm.reach?.params).toMatchObject({ origin0: "me", workspace: "w" });
    expect(prospectsPage({ interestedIn: { topics: ["CRM"] } }, { ...scope, viewerId: null }, 20, position)).toMatchObject({ kind: "workspace", reach: null });
  });

  it("reads a large list's contenders by evidence in one text for every floor, the reached ones by the widening the reach statement has", () => {
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic };
    const position = { scoredAt: "2026-11-22T12:00:00Z", after: null };
    const crm = prospectsPage({ interestedIn: { topics: ["CRM"] } }, scope, 20, position);
    if (crm.kind !== "workspace") throw new Error("a ranking without connectedTo ranks the whole workspace");
    const now = Date.parse(position.scoredAt);
    const [high, low] = [contenderSearch(0.6, Infinity, now)!, contenderSearch(0.5, 0.6, now)!];
    const contenders = crm.contenders();
    const [first, second] = [contenders.byEvidence(high), contenders.byEvidence(low)];
    expect(first.text).toBe(second.text);
    expect(first.text).toContain("UNWIND $boxes0 AS box_0\nMATCH (person:Person)\nWHERE person.workspace = $workspace AND person.concernBound >= box_0.concernFrom AND person.concernBound < box_0.concernTo");
    expect(first.text).toMatch(/WITH DISTINCT person, reach\nWHERE EXISTS \{/);
    expect(second.params).toMatchObject({ floor0: low.floor, above0: low.above, level0: low.level, boxes0: low.boxes, topics0: ["crm-id"] });
    // Each person is tested on their own: no shortlist step reads everyone interested.
    expect(first.text).not.toContain("shortlist");
    expect(contenders.reached?.text).toContain(crm.reach!.text.slice(crm.reach!.text.indexOf("CALL (origin)"), crm.reach!.text.indexOf("WITH collect")).trim());
    expect(contenders.reached?.params).toMatchObject({ origin0: "me" });
    const viewerless = prospectsPage({ interestedIn: { topics: ["CRM"] } }, { ...scope, viewerId: null }, 20, position);
    if (viewerless.kind !== "workspace") throw new Error("a ranking without connectedTo ranks the whole workspace");
    expect(viewerless.contenders().reached).toBeNull();
  });

  it("ranks prospects by their reach from the best-connected user, widening from all the users at once", () => {
    const statement = scoredIds(prospectsPage({ connectedTo: { team: true, maxHops: 3 } }, scope, 10, { scoredAt: "2026-11-22T12:00:00Z", after: null }), ["p1"]);
    expect(statement.text).toContain("MATCH (user_0:User {workspace: $workspace})-[link_0:KNOWS]-(person)\n  WHERE coalesce(link_0.strength, 0.5) >= $minStrength0 AND NOT person:User");
    expect(statement.text.match(/AND NOT next_\d+:User/g)).toHaveLength(2);
    expect(statement.text).toContain("MATCH leftPath = (:User {workspace: $workspace})-[:KNOWS*0..2]-(middle:Person), rightPath = (person)-[:KNOWS*0..1]-(middle)");
    expect(statement.text).not.toContain("origin");
  });
});

/** The scoring statement of a ranking from a person or the team, which takes ids. */
function scoredIds(page: ProspectStatements, ids: string[]) {
  if (page.kind !== "reached") throw new Error("a ranking with connectedTo scores the people reached");
  return page.scored(ids);
}
