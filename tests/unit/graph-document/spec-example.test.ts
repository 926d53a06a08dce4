import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../src/config.js";
import { validateGraphDocument, type KnownKeys } from "../../../src/graph-document/validate.js";

/** The example the format was first written down with: every section but interactions, referring to a user and a topic it does not define. */
function specExample() {
  return {
    version: 1,
    topics: [
      { name: "CRM", aliases: ["customer relationship management"], broader: ["Sales Technology"] },
      { name: "Salesforce CRM", broader: ["CRM"] },
      { name: "Churn" },
    ],
    companies: [
      {
        domain: "northwind.io", name: "Northwind", industry: "Software",
        employees: 120, city: "San Francisco", country: "US",
        location: { latitude: 37.7749, longitude: -122.4194 },
        status: "PROSPECT", relationshipLevel: "CREDIBLE_SOURCE",
      },
    ],
    people: [
      {
        email: "chuck@northwind.io", name: "Chuck Rivera", title: "CEO",
        company: "northwind.io", since: "2019-03-01",
        city: "San Francisco", country: "US",
        location: { latitude: 37.77, longitude: -122.41 },
        interests: [{ topic: "CRM", weight: 0.8 }],
      },
    ],
    content: [
      {
        url: "https://example.com/papers/renewal-playbook", title: "The Renewal Playbook",
        kind: "WHITE_PAPER", topics: ["CRM", "Churn"], publishedAt: "2026-06-01",
      },
    ],
    connections: [
      { a: "rep@ourco.com", b: "chuck@northwind.io", strength: 0.7, since: "2021-05-01", lastInteractionAt: "2026-11-02" },
    ],
    engagements: [
      { person: "chuck@northwind.io", content: "https://example.com/papers/renewal-playbook", action: "READ", at: "2026-10-20T16:00:00Z" },
    ],
    concerns: [
      {
        person: "chuck@northwind.io", topic: "Churn",
        text: "Renewals slipped two quarters in a row", expressedAt: "2026-11-01",
        source: "CALL", severity: 4, level: "OUTCOME",
      },
    ],
    events: [
      { company: "northwind.io", type: "FUNDING", stage: "SERIES_B", amountUsd: 25000000, occurredAt: "2026-10-15" },
    ],
    promises: [
      {
        id: "crm-4411", person: "chuck@northwind.io", company: "northwind.io",
        text: "Send the churn benchmark before the QBR", madeAt: "2026-11-01",
        dueAt: "2026-11-20", status: "OPEN",
      },
    ],
    users: [{ email: "rep@ourco.com" }],
  };
}

/** The example refers to a user and a broader topic it does not define: they must already be in the graph. */
const graphWithRepAndSalesTechnology: KnownKeys = {
  emails: new Set(["rep@ourco.com"]),
  profiles: new Map(),
  companyNames: new Set(),
  domains: new Set(),
  contentUrls: new Set(),
  topicKeys: new Map([["sales technology", "sales technology"]]),
};

/** The example of docs/graph-document.md: its one JSON block. */
function documentedExample(): unknown {
  const text = fs.readFileSync(`${PROJECT_ROOT}/docs/graph-document.md`, "utf8");
  const block = /```json\n([\s\S]*?)\n```/.exec(text);
  if (!block) throw new Error("docs/graph-document.md has no JSON example");
  return JSON.parse(block[1]!);
}

describe("docs/graph-document.md", () => {
  it("gives an example that validates on its own, every section included", () => {
    const example = documentedExample() as Record<string, unknown[]>;
    expect(Object.keys(example).filter((key) => key !== "version").sort()).toEqual([
      "companies", "concerns", "connections", "content", "engagements", "events", "interactions", "people", "promises", "topics", "users",
    ]);
    const result = validateGraphDocument(example);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe("the first example document", () => {
  it("validates against a graph that already has the user and the broader topic it refers to", () => {
    const result = validateGraphDocument(specExample(), graphWithRepAndSalesTechnology);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("names exactly the references it cannot resolve on its own", () => {
    const result = validateGraphDocument(specExample());
    expect(result.ok ? [] : result.problems).toEqual([
      { path: "topics[0].broader[0]", message: "unknown topic Sales Technology" },
      { path: "connections[0].a", message: "unknown person rep@ourco.com" },
      { path: "users[0].email", message: "unknown person rep@ourco.com" },
    ]);
  });

  it("normalizes to UTC instants, canonical topic keys, ordered pairs and natural keys", () => {
    const result = validateGraphDocument(specExample(), graphWithRepAndSalesTechnology);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { document } = result;
    expect(document.topics.map((t) => [t.key, t.broader])).toEqual([
      ["crm", ["sales technology"]],
      ["salesforce crm", ["crm"]],
      ["churn", undefined],
    ]);
    expect(document.people[0]).toMatchObject({ since: "2019-03-01T00:00:00.000Z", interests: [{ topic: "crm", weight: 0.8 }] });
    expect(document.content[0]).toMatchObject({ topics: ["crm", "churn"], publishedAt: "2026-06-01T00:00:00.000Z" });
    expect(document.connections).toEqual([{
      a: "chuck@northwind.io", b: "rep@ourco.com", strength: 0.7,
      since: "2021-05-01T00:00:00.000Z", lastInteractionAt: "2026-11-02T00:00:00.000Z",
    }]);
    expect(document.engagements[0]?.at).toBe("2026-10-20T16:00:00.000Z");
    expect(document.concerns[0]?.key).toBe(
      "chuck@northwind.io\u001fchurn\u001f2026-11-01T00:00:00.000Z\u001fRenewals slipped two quarters in a row",
    );
    expect(document.events[0]?.key).toBe("northwind.io\u001fFUNDING\u001f2026-10-15T00:00:00.000Z");
    expect(document.promises[0]).toMatchObject({ key: "id:crm-4411", madeAt: "2026-11-01T00:00:00.000Z", dueAt: "2026-11-20T00:00:00.000Z" });
    expect(document.users).toEqual([{ email: "rep@ourco.com" }]);
  });
});
