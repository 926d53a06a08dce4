/**
 * The statement a company filter starts from its events with
 * (src/filters/start-choice.ts chooses when), pinned: the events of the
 * window by the occurredAt index, then the whole filter on their companies,
 * its employs.connectedTo tested from both ends.
 */
import { describe, expect, it } from "vitest";
import { farHops } from "../../../src/filters/compile.js";
import { DEFAULT_ORDER } from "../../../src/filters/ordering.js";
import { companiesList } from "../../../src/filters/statements.js";
import { everyTopic } from "../../support/scope.js";

const scope = { workspace: "w", viewerId: "me", shortlistFrom: 2_000, topicIds: everyTopic };
const seriesB = { types: ["FUNDING"], fundingStages: ["SERIES_B"], withinDays: 60 };

describe("a company statement started from the events", () => {
  it("reads the window's events, then tests their companies for the whole filter, connectedTo from both ends", () => {
    const statement = companiesList({ hadEvent: seriesB, employs: { connectedTo: { maxHops: 2 } } }, scope, DEFAULT_ORDER, 21, null, "events").page;
    expect(statement.start).toBe("events");
    expect(statement.personIds).toEqual(["me"]);
    expect(statement.text).toMatchInlineSnapshot(`
      "CALL {
        OPTIONAL MATCH (anchor_0:Person {workspace: $workspace, id: $anchor0})-[links_0:KNOWS*0..1]-(near_0:Person)
        WHERE all(link_0 IN links_0 WHERE coalesce(link_0.strength, 0.5) >= $minStrength0)
        RETURN collect(DISTINCT near_0) AS nearby_0
      }
      MATCH (event_0:CompanyEvent)
      WHERE datetime() - duration({days: $withinDays0}) <= event_0.occurredAt <= datetime() AND event_0.workspace = $workspace
        AND ($types0 IS NULL OR event_0.type IN $types0) AND ($fundingStages0 IS NULL OR event_0.stage IN $fundingStages0)
      MATCH (company:Company)-[:HAD_EVENT]->(event_0)
      WITH DISTINCT company, nearby_0
      WHERE (EXISTS {
        MATCH (company)-[:HAD_EVENT]->(event_1:CompanyEvent)
        WHERE (event_1.type IN $types1)
          AND (event_1.stage IN $fundingStages1)
          AND (datetime() - duration({days: $withinDays1}) <= event_1.occurredAt <= datetime())
      } AND EXISTS {
        MATCH (employee_0:Person)-[job_0:WORKS_AT]->(company)
        WHERE (job_0.until IS NULL OR job_0.until > datetime()) AND (employee_0.id <> $anchor0 AND EXISTS {
        MATCH (employee_0)-[links_1:KNOWS*1..1]-(middle_0:Person)
        WHERE middle_0 IN nearby_0 AND all(link_1 IN links_1 WHERE coalesce(link_1.strength, 0.5) >= $minStrength0)
      })
      })
        AND ($afterKey0 IS NULL OR [coalesce(company.name, ''), coalesce(company.domain, company.nameKey)] > [$afterValue0, $afterKey0])
      RETURN company {.*} AS item, coalesce(company.name, '') AS sortValue, null AS total
      ORDER BY coalesce(company.name, '') ASC, coalesce(company.domain, company.nameKey) ASC
      LIMIT $limit0"
    `);
    expect(statement.params).toMatchObject({ anchor0: "me", minStrength0: 0, withinDays0: 60, withinDays1: 60, types0: ["FUNDING"], fundingStages0: ["SERIES_B"] });
  });

  it("walks the larger half of the hops from each employee, all of them at 4", () => {
    expect([1, 2, 3, 4].map(farHops)).toEqual([1, 1, 2, 4]);
    const fromTeam = companiesList({ hadEvent: seriesB, employs: { connectedTo: { team: true, maxHops: 3 } } }, scope, DEFAULT_ORDER, 21, null, "events").count!;
    expect(fromTeam.text).toContain("OPTIONAL MATCH (user_0:User {workspace: $workspace})-[links_0:KNOWS*0..1]-(near_0:Person)");
    expect(fromTeam.text).toContain("(NOT employee_0:User AND EXISTS {\n  MATCH (employee_0)-[links_1:KNOWS*1..2]-(middle_0:Person)");
    const fourHops = companiesList({ hadEvent: seriesB, employs: { connectedTo: { maxHops: 4 } } }, scope, DEFAULT_ORDER, 21, null, "events").count!;
    expect(fourHops.text).not.toContain("near_");
    expect(fourHops.text).toContain("-[:KNOWS*1..4]-(anchor_0:Person {workspace: $workspace, id: $anchor0})");
  });

  it("is taken only with a window: without one, or when asked for the usual start, the statement is unchanged", () => {
    const where = { hadEvent: { types: ["FUNDING"] }, employs: { connectedTo: { maxHops: 2 } } };
    expect(companiesList(where, scope, DEFAULT_ORDER, 21, null, "events").page.text).toBe(companiesList(where, scope, DEFAULT_ORDER, 21, null).page.text);
    const usual = companiesList({ hadEvent: seriesB, employs: { connectedTo: { maxHops: 2 } } }, scope, DEFAULT_ORDER, 21, null, "usual").page;
    expect(usual.start).toBe("connected");
    expect(usual.text).toContain("MATCH (anchor_0:Person {workspace: $workspace, id: $anchor0})-[links_0:KNOWS*1..2]-(person)");
  });
});
