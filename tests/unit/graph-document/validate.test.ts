import { describe, expect, it } from "vitest";
import { demoStory } from "../../../seed/demo-story.js";
import { validateGraphDocument, type KnownKeys } from "../../../src/graph-document/validate.js";
import { smallGraph } from "../../fixtures/small-graph.js";

function problemsOf(input: unknown, known?: KnownKeys): string[] {
  const result = validateGraphDocument(input, known);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe("validateGraphDocument", () => {
  it("accepts the small test graph and the demo story", () => {
    expect(problemsOf(smallGraph())).toEqual([]);
    expect(problemsOf(demoStory(new Date("2026-11-22T12:00:00Z")))).toEqual([]);
  });

  it("rejects what is not a version 1 or 2 document", () => {
    expect(problemsOf([])).toEqual(["$: a graph document must be a JSON object"]);
    expect(problemsOf({ version: 3, peopel: [] })).toEqual(["version: unsupported version; expected 2 (or 1)", "peopel: unknown field"]);
    expect(problemsOf({ version: 1, people: {} })).toEqual(["people: must be an array"]);
  });

  it("reports every problem at once, each with its JSON path", () => {
    expect(problemsOf({
      version: 1,
      topics: [{ name: "CRM" }, { name: "Churn", aliases: ["crm"] }],
      companies: [{ domain: "not a domain", employees: 1.5 }],
      people: [
        { email: "not-an-email" },
        { email: "ok@example.com", emial: "typo", company: "nowhere.example", interests: [{ topic: "Unknown", weight: 2 }] },
        { email: "dup@example.com" },
        { email: "DUP@example.com" },
      ],
      connections: [{ a: "ok@example.com", b: "ok@example.com", strength: -0.1 }],
      engagements: [{ person: "ok@example.com", content: "https://example.com/x", action: "READ", at: "2026-02-30" }],
      concerns: [{ person: "ok@example.com", topic: "crm", text: "", expressedAt: "2026-11-01", severity: 6 }],
      events: [{ company: "nowhere.example", type: "FUNDING", stage: "SERIES_Z", occurredAt: "2026-10-15T09:30:00" }],
      promises: [{ text: "Call back" }],
      users: [{ email: "ghost@example.com" }],
    })).toEqual([
      "topics[1].aliases[0]: \"crm\" is already a name or alias at topics[0].name",
      "companies[0].domain: invalid domain",
      "companies[0].employees: must be a whole number",
      "people[0].email: invalid email",
      "people[1].interests[0].weight: must be between 0 and 1",
      "people[1].emial: unknown field",
      "people[1].company: unknown company nowhere.example",
      "people[3].email: duplicate person: same as people[2]",
      "connections[0].strength: must be between 0 and 1",
      "connections[0].b: a person cannot be connected to themselves",
      "engagements[0].at: expected a date (2026-10-15) or a date-time with offset (2026-10-15T09:30:00Z)",
      "concerns[0].text: must not be empty",
      "concerns[0].severity: must be from 1 to 5",
      "events[0].stage: expected one of PRE_SEED, SEED, SERIES_A, SERIES_B, SERIES_C, SERIES_D_PLUS, DEBT, GRANT",
      "events[0].occurredAt: expected a date (2026-10-15) or a date-time with offset (2026-10-15T09:30:00Z)",
      "promises[0]: needs a person, a company or both",
      "promises[0].madeAt: required when the promise has no id",
      "users[0].email: unknown person ghost@example.com",
    ]);
  });

  it("reports unknown references, self-connections, duplicates and hierarchy cycles", () => {
    expect(problemsOf({
      version: 1,
      topics: [{ name: "A", broader: ["B"] }, { name: "B", broader: ["a"] }, { name: "C", broader: ["Nope"] }],
      companies: [{ domain: "acme.example" }, { domain: "ACME.example" }],
      people: [{ email: "x@acme.example", company: "other.example", interests: [{ topic: "Nope" }] }],
      content: [{ url: "https://example.com/a", topics: ["A", "nope"] }],
      connections: [{ a: "x@acme.example", b: "X@acme.example" }, { a: "x@acme.example", b: "y@acme.example" }],
      engagements: [{ person: "x@acme.example", content: "https://example.com/missing", action: "READ", at: "2026-10-01" }],
    })).toEqual([
      "topics[1].broader[0]: cycle in the topic hierarchy: A → B → A",
      "topics[2].broader[0]: unknown topic Nope",
      "companies[1].domain: duplicate company: same as companies[0]",
      "people[0].company: unknown company other.example",
      "people[0].interests[0].topic: unknown topic Nope",
      "content[0].topics[1]: unknown topic nope",
      "connections[0].b: a person cannot be connected to themselves",
      "connections[1].b: unknown person y@acme.example",
      "engagements[0].content: unknown content https://example.com/missing",
    ]);
  });

  it("resolves references to records already in the graph", () => {
    const known: KnownKeys = {
      profiles: new Map(), companyNames: new Set(),
      emails: new Set(["chuck@northwind.io"]),
      domains: new Set(["northwind.io"]),
      contentUrls: new Set(["https://example.com/paper"]),
      topicKeys: new Map([["crm", "crm"], ["customer relationship management", "crm"]]),
    };
    const result = validateGraphDocument({
      version: 1,
      engagements: [{ person: "Chuck@Northwind.io", content: "https://example.com/paper", action: "READ", at: "2026-10-01" }],
      concerns: [{ person: "chuck@northwind.io", topic: "Customer Relationship Management", text: "Pipeline hygiene", expressedAt: "2026-10-02T10:00:00+02:00" }],
      events: [{ company: "NORTHWIND.IO", type: "IPO", occurredAt: "2026-09-01" }],
    }, known);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.document.engagements).toEqual([
      { person: "chuck@northwind.io", content: "https://example.com/paper", action: "READ", at: "2026-10-01T00:00:00.000Z" },
    ]);
    expect(result.document.concerns[0]).toMatchObject({ topic: "crm", expressedAt: "2026-10-02T08:00:00.000Z" });
    expect(result.document.events[0]).toMatchObject({ company: "northwind.io", key: "northwind.io\u001fIPO\u001f2026-09-01T00:00:00.000Z" });
  });

  it("normalizes case, dates, defaults and connection order", () => {
    const result = validateGraphDocument(smallGraph());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { document } = result;
    expect(document.topics[2]).toEqual({ key: "salesforce crm", name: "Salesforce CRM", aliases: ["SFDC"], broader: ["crm"] });
    expect(document.people[1]).toMatchObject({
      email: "chuck@northwind.io",
      company: "northwind.io",
      since: "2019-03-01T00:00:00.000Z",
      interests: [{ topic: "crm", weight: 0.8 }, { topic: "churn", weight: 0.5 }],
    });
    expect(document.connections[1]).toEqual({ a: "chuck@northwind.io", b: "erin@contoso.example", strength: 0.5, since: undefined, lastInteractionAt: undefined });
    expect(document.promises.map((p) => p.key)).toEqual([
      "id:crm-4411",
      "chuck@northwind.io\u001f\u001fIntro to our CS lead\u001f2026-08-01T00:00:00.000Z",
    ]);
  });
});
