/**
 * Equivalent filters compile to the same statement text (src/filters/canonical-order.ts),
 * so that Neo4j plans a filter's shape once however it is written: conditions
 * in another order, moved into or out of an AND list, an OR's choices in
 * another order. Only the parameters' names may follow the values around.
 */
import { describe, expect, it } from "vitest";
import { compilePersonWhere } from "../../../src/filters/compile.js";
import { DEFAULT_ORDER } from "../../../src/filters/ordering.js";
import { companiesList, peopleCount, peopleList } from "../../../src/filters/statements.js";
import { Naming } from "../../../src/filters/tree.js";
import type { CompanyWhere, PersonWhere } from "../../../src/filters/types.js";
import { everyTopic } from "../../support/scope.js";

const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic };
const crm = { topics: ["CRM"], contentKinds: ["WHITE_PAPER"] };
const churn = { topics: ["Churn"], withinDays: 90 };

const peopleText = (where: PersonWhere) => peopleList(where, scope, DEFAULT_ORDER, 20, null).page.text;
/** The parameters' values, whatever their names. */
const values = (params: Record<string, unknown>) => Object.values(params).map((value) => JSON.stringify(value)).sort();

describe("equivalent filters compile to the same text", () => {
  it("whatever the order of an AND list, and whether a condition stands in it or beside it", () => {
    const written = [
      { connectedTo: { maxHops: 2 }, engagedWith: crm, expressedConcern: churn, titleContains: "VP" },
      { connectedTo: { maxHops: 2 }, AND: [{ titleContains: "VP" }, { expressedConcern: churn }, { engagedWith: crm }] },
      { connectedTo: { maxHops: 2 }, expressedConcern: churn, AND: [{ AND: [{ titleContains: "VP" }] }, { engagedWith: crm }] },
    ];
    const statements = written.map((where) => peopleList(where, scope, DEFAULT_ORDER, 20, null).page);
    for (const statement of statements.slice(1)) {
      expect(statement.text).toBe(statements[0]!.text);
      expect(values(statement.params)).toEqual(values(statements[0]!.params));
    }
  });

  it("whatever the order of an OR's choices, nested ORs spliced in", () => {
    const a: PersonWhere = { OR: [{ interestedIn: { topics: ["CRM"] } }, { titleContains: "VP" }, { changedJobWithinDays: 30 }] };
    const b: PersonWhere = { OR: [{ changedJobWithinDays: 30 }, { OR: [{ titleContains: "VP" }, { interestedIn: { topics: ["CRM"] } }] }] };
    expect(peopleText(b)).toBe(peopleText(a));
    expect(peopleCount(b, scope).text).toBe(peopleCount(a, scope).text);
  });

  it("with the prelude in the order the sorted conditions use it", () => {
    const a: CompanyWhere = { employs: { interestedIn: { topics: ["CRM"] }, AND: [{ expressedConcern: churn }] } };
    const b: CompanyWhere = { employs: { expressedConcern: churn, AND: [{ interestedIn: { topics: ["CRM"] } }] } };
    const [first, second] = [a, b].map((where) => companiesList(where, scope, DEFAULT_ORDER, 20, null).page);
    expect(second!.text).toBe(first!.text);
    expect(values(second!.params)).toEqual(values(first!.params));
  });

  it("while different shapes stay different", () => {
    expect(peopleText({ OR: [{ titleContains: "VP" }, { changedJobWithinDays: 30 }] }))
      .not.toBe(peopleText({ titleContains: "VP", changedJobWithinDays: 30 }));
    expect(peopleText({ NOT: { titleContains: "VP" }, changedJobWithinDays: 30 }))
      .not.toBe(peopleText({ titleContains: "VP", NOT: { changedJobWithinDays: 30 } }));
  });
});

describe("the canonical form", () => {
  it("is one flat conjunction, tests without a subquery first, then by text", () => {
    const compiled = compilePersonWhere({
      AND: [{ expressedConcern: { withinDays: 30 } }, { AND: [{ changedJobWithinDays: 30 }, { OR: [{ titleContains: "CEO" }] }] }],
      titleContains: "VP",
    }, "person", scope);
    const naming = new Naming();
    expect(naming.render(compiled.predicate)).toMatchInlineSnapshot(`
      "(coalesce(toLower(person.title) CONTAINS toLower($text0), false) AND coalesce(toLower(person.title) CONTAINS toLower($text1), false) AND EXISTS {
        MATCH (person)-[:VOICED]->(concern_0:Concern)-[:ABOUT]->(topic_0:Topic)
        WHERE true
          AND (datetime() - duration({days: $withinDays0}) <= concern_0.expressedAt <= datetime())
      } AND EXISTS {
        MATCH (person)-[job_0:WORKS_AT]->(:Company)
        WHERE (job_0.until IS NULL OR job_0.until > datetime()) AND datetime() - duration({days: $days0}) <= job_0.since <= datetime()
      })"
    `);
    expect(naming.params).toMatchObject({ text0: "VP", text1: "CEO" });
  });
});
