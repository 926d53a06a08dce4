/**
 * The Cypher a filter compiles to, pinned: a change to a fragment or to the
 * compiler shows here as a diff to review. (Whether the Cypher gives the right
 * answers is for the tests that run it: tests/e2e/people-filters.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { compilePersonWhere } from "../../../src/filters/compile.js";
import { peopleCount, peoplePage } from "../../../src/filters/statements.js";
import { DEFAULT_ORDER } from "../../../src/filters/ordering.js";

describe("compilePersonWhere", () => {
  it("compiles the first canonical question, with user values only in parameters", () => {
    const compiled = compilePersonWhere({
      connectedTo: { maxHops: 2, minStrength: 0.3 },
      engagedWith: { topics: ["CRM"], contentKinds: ["WHITE_PAPER"] },
      expressedConcern: { topics: ["Churn"], withinDays: 90 },
    }, "person", { viewerId: "viewer-id" });
    expect(compiled.predicate).toMatchInlineSnapshot(`
      "((person.id <> $f0_anchor AND EXISTS {
        MATCH path_0 = (person)-[:KNOWS*1..2]-(anchor_0:Person {workspace: $workspace, id: $f0_anchor})
        WHERE all(link_0 IN relationships(path_0) WHERE coalesce(link_0.strength, 0.5) >= $f0_minStrength)
      }) AND EXISTS {
        MATCH (person)-[engagement_2:ENGAGED]->(content_2:Content)
        WHERE ($f2_kinds IS NULL OR content_2.kind IN $f2_kinds)
          AND ($f2_actions IS NULL OR engagement_2.action IN $f2_actions)
          AND ($f2_withinDays IS NULL OR datetime() - duration({days: $f2_withinDays}) <= engagement_2.at <= datetime())
          AND (topics_1 IS NULL OR EXISTS { MATCH (content_2)-[:ABOUT]->(about_2:Topic) WHERE about_2.id IN topics_1 })
        WITH count(engagement_2) AS engagements_2
        WHERE engagements_2 >= $f2_minCount
        RETURN engagements_2
      } AND EXISTS {
        MATCH (person)-[:VOICED]->(concern_4:Concern)-[:ABOUT]->(topic_4:Topic)
        WHERE (topics_3 IS NULL OR topic_4.id IN topics_3)
          AND ($f4_withinDays IS NULL OR datetime() - duration({days: $f4_withinDays}) <= concern_4.expressedAt <= datetime())
          AND ($f4_minSeverity IS NULL OR concern_4.severity >= $f4_minSeverity)
          AND ($f4_levels IS NULL OR concern_4.level IN $f4_levels)
          AND ($f4_sources IS NULL OR concern_4.source IN $f4_sources)
      })"
    `);
    expect(compiled.prelude).toMatchInlineSnapshot(`
      [
        "CALL {
        OPTIONAL MATCH (root_1:Topic {workspace: $workspace})
        WHERE root_1.key IN $f1_names OR any(alias_1 IN root_1.aliasKeys WHERE alias_1 IN $f1_names)
        OPTIONAL MATCH (root_1)<-[:BROADER*0..]-(topic_1:Topic)
        RETURN collect(DISTINCT topic_1.id) AS topics_1
      }",
        "CALL {
        OPTIONAL MATCH (root_3:Topic {workspace: $workspace})
        WHERE root_3.key IN $f3_names OR any(alias_3 IN root_3.aliasKeys WHERE alias_3 IN $f3_names)
        OPTIONAL MATCH (root_3)<-[:BROADER*0..]-(topic_3:Topic)
        RETURN collect(DISTINCT topic_3.id) AS topics_3
      }",
      ]
    `);
    expect(compiled.params).toMatchInlineSnapshot(`
      {
        "f0_anchor": "viewer-id",
        "f0_minStrength": 0.3,
        "f1_names": [
          "crm",
        ],
        "f2_actions": null,
        "f2_kinds": [
          "WHITE_PAPER",
        ],
        "f2_minCount": 1,
        "f2_withinDays": null,
        "f3_names": [
          "churn",
        ],
        "f4_levels": null,
        "f4_minSeverity": null,
        "f4_sources": null,
        "f4_withinDays": 90,
      }
    `);
    expect(compiled.personIds).toEqual(["viewer-id"]);
  });

  it("nests a company filter inside a person filter without variable capture", () => {
    const compiled = compilePersonWhere({ worksAt: { statuses: ["PROSPECT"], employs: { titleContains: "CEO" } } }, "person", { viewerId: null });
    expect(compiled.predicate).toMatchInlineSnapshot(`
      "EXISTS {
        MATCH (person)-[job_0:WORKS_AT]->(employer_0:Company)
        WHERE (job_0.until IS NULL OR job_0.until > datetime()) AND (coalesce(($f1_domains IS NULL OR employer_0.domain IN $f1_domains)
        AND ($f1_industries IS NULL OR toLower(employer_0.industry) IN $f1_industries)
        AND ($f1_statuses IS NULL OR employer_0.status IN $f1_statuses)
        AND ($f1_relationshipLevels IS NULL OR employer_0.relationshipLevel IN $f1_relationshipLevels)
        AND ($f1_employeesMin IS NULL OR employer_0.headcount >= $f1_employeesMin)
        AND ($f1_employeesMax IS NULL OR employer_0.headcount <= $f1_employeesMax), false) AND EXISTS {
        MATCH (employee_2:Person)-[job_2:WORKS_AT]->(employer_0)
        WHERE (job_2.until IS NULL OR job_2.until > datetime()) AND coalesce(toLower(employee_2.title) CONTAINS toLower($f3_text), false)
      })
      }"
    `);
  });

  it("keeps hostile strings out of the statement text", () => {
    const hostile = "x'}) DETACH DELETE n //`";
    const statement = peoplePage({ titleContains: hostile, interestedIn: { topics: [hostile] } }, { workspace: "w", viewerId: null, shortlistFrom: 2_000 }, DEFAULT_ORDER, 10, { order: DEFAULT_ORDER, value: hostile, key: hostile });
    expect(statement.text).not.toContain("DETACH");
    expect(Object.values(statement.params)).toContain(hostile);
  });

  it("starts from the anchor person when connectedTo is at the top level, and only then", () => {
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000 };
    const anchored = peoplePage({ connectedTo: { maxHops: 2 }, titleContains: "VP" }, scope, DEFAULT_ORDER, 10, null);
    expect(anchored.text).toContain("MATCH (anchor_1000004:Person {workspace: $workspace, id: $f1000004_anchor})-[links_1000004:KNOWS*1..2]-(person)");
    expect(anchored.params).toMatchObject({ f1000004_anchor: "me", f1000004_minStrength: 0, f0_text: "VP" });
    expect(anchored.personIds).toEqual(["me"]);
    const nested = peoplePage({ AND: [{ connectedTo: { maxHops: 2 } }] }, scope, DEFAULT_ORDER, 10, null);
    expect(nested.text).toContain("MATCH (person:Person {workspace: $workspace})");
    expect(nested.text).not.toContain("links_1000004");
  });

  it("without connectedTo, shortlists everyone by a top-level topic condition, and tests each person otherwise", () => {
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000 };
    const shortlisted = peopleCount({ interestedIn: { topics: ["CRM"] }, titleContains: "VP" }, scope);
    expect(shortlisted.text).toContain("MATCH (person:Person {workspace: $workspace})\nWITH collect(DISTINCT person) AS everyone_");
    expect(shortlisted.text).toMatch(/\(:Topic \{id: topicId_\d+\}\)<-\[interest_\d+:INTERESTED_IN\]-/);
    expect(shortlisted.personIds).toEqual([]);
    for (const plain of [{ titleContains: "VP" }, { OR: [{ interestedIn: { topics: ["CRM"] } }, { titleContains: "VP" }] }]) {
      const statement = peopleCount(plain, scope);
      expect(statement.text).not.toContain("everyone_");
      expect(statement.text).toContain("MATCH (person:Person {workspace: $workspace})\nWHERE ");
    }
  });

  it("shortlists connected people by the top-level topic conditions only, concerns first, sharing their parameters", () => {
    const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000 };
    const statement = peopleCount({
      connectedTo: { maxHops: 2 },
      engagedWith: { topics: ["CRM"] },
      AND: [{ expressedConcern: { topics: ["Churn"], minSeverity: 3 } }],
      OR: [{ interestedIn: { topics: ["Pricing"] } }, { titleContains: "VP" }],
    }, scope);
    const steps = [...statement.text.matchAll(/\(:Topic \{id: topicId_(\d+)\}\)<-\[(?:\w+)?:(\w+)\]-/g)].map((match) => match[2]);
    expect(steps).toEqual(["ABOUT", "ABOUT"]);
    expect(statement.text.indexOf("concern_") < statement.text.indexOf("engaged_")).toBe(true);
    expect(statement.text).not.toContain("interested_");
    expect(statement.text).toContain("WHERE size(everyone_1000003) < $shortlistFrom");
    expect(Number(statement.params.shortlistFrom)).toBe(2_000);
    const concernStep = statement.text.slice(statement.text.indexOf("concern_"));
    expect(concernStep).toMatch(/concern_\d+\.severity >= \$f(\d+)_minSeverity/);
    const minSeverity = /\$(f\d+_minSeverity)/.exec(concernStep)![1]!;
    expect(statement.params[minSeverity]).toBe(3);

    const withoutTopics = peopleCount({ connectedTo: { maxHops: 2 }, engagedWith: { actions: ["READ"] } }, scope);
    expect(withoutTopics.text).not.toContain("$shortlistFrom");
  });

  it("combines OR and NOT around whole filters", () => {
    const compiled = compilePersonWhere({ OR: [{ titleContains: "VP" }, { NOT: { titleContains: "Intern" } }] }, "p", { viewerId: null });
    expect(compiled.predicate).toMatchInlineSnapshot(`"(coalesce(toLower(p.title) CONTAINS toLower($f0_text), false) OR NOT (coalesce(toLower(p.title) CONTAINS toLower($f1_text), false)))"`);
  });
});
