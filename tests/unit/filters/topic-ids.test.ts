/**
 * The topics a filter names, found wherever the filter names them, and their
 * ids given to the statement as a parameter (src/filters/topic-ids.ts).
 */
import { describe, expect, it } from "vitest";
import { peopleCount } from "../../../src/filters/statements.js";
import { companyWhereTopics, personWhereTopics, topicIdsOf } from "../../../src/filters/topic-ids.js";

describe("the topics a filter names", () => {
  it("are found under AND, OR, NOT, worksAt and employs, as keys, each once", () => {
    expect(personWhereTopics({
      interestedIn: { topics: ["CRM"] },
      AND: [{ engagedWith: { topics: ["crm", "Churn"] } }],
      OR: [{ NOT: { expressedConcern: { topics: ["Pricing "] } } }],
      worksAt: { employs: { interestedIn: { topics: ["Security"] } } },
    }).sort()).toEqual(["churn", "crm", "pricing", "security"]);
    expect(companyWhereTopics({ NOT: { employs: { engagedWith: { topics: ["AI"] } } } })).toEqual(["ai"]);
    expect(personWhereTopics({ engagedWith: { contentKinds: ["WHITE_PAPER"] }, titleContains: "VP" })).toEqual([]);
  });
});

describe("a topic condition's ids", () => {
  const topicIds = new Map([["crm", ["b", "a"]], ["sales", ["a", "c"]], ["gone", []]]);

  it("are those of every name, each once, in one order whatever the lookup's", () => {
    expect(topicIdsOf(topicIds, ["Sales", "CRM"])).toEqual(["a", "b", "c"]);
    expect(topicIdsOf(topicIds, ["gone"])).toEqual([]);
  });

  it("are a parameter of the statement, not text, and no name is resolved in it", () => {
    const statement = peopleCount({ interestedIn: { topics: ["CRM", "Sales"] } }, { workspace: "w", viewerId: null, shortlistFrom: 2_000, topicIds });
    expect(statement.params).toMatchObject({ topics0: ["a", "b", "c"] });
    expect(statement.text).toContain("$topics0");
    expect(statement.text).not.toContain("BROADER");
  });

  it("throw when the filter was compiled without looking its topics up", () => {
    expect(() => peopleCount({ interestedIn: { topics: ["Churn"] } }, { workspace: "w", viewerId: null, shortlistFrom: 2_000, topicIds }))
      .toThrow(/"Churn" was compiled without looking its topics up/);
  });
});
