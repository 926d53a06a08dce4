import { describe, expect, it } from "vitest";
import { validateGraphDocument, type KnownKeys } from "../../../src/graph-document/validate.js";

function problemsOf(input: unknown, known?: KnownKeys): string[] {
  const result = validateGraphDocument(input, known);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

function knownKeys(keys: Partial<KnownKeys>): KnownKeys {
  return { emails: new Set(), profiles: new Map(), domains: new Set(), companyNames: new Set(), contentUrls: new Set(), topicKeys: new Map(), ...keys };
}

/** One record of every kind, each referring to a person, company, topic or content it does not define. */
const referringRecords = {
  version: 1,
  topics: [{ name: "Renewals", broader: ["CRM"] }],
  people: [{ email: "zoe@acme.example", company: "northwind.io", interests: [{ topic: "customer relationship management" }] }],
  content: [{ url: "https://example.com/new", topics: ["crm"] }],
  connections: [{ a: "zoe@acme.example", b: "Chuck@Northwind.io" }],
  engagements: [{ person: "chuck@northwind.io", content: "https://example.com/paper", action: "READ", at: "2026-10-01" }],
  concerns: [{ person: "chuck@northwind.io", topic: "CRM", text: "Pipeline hygiene", expressedAt: "2026-10-02" }],
  events: [{ company: "northwind.io", type: "IPO", occurredAt: "2026-09-01" }],
  promises: [{ id: "p-1", person: "chuck@northwind.io", company: "northwind.io", text: "Send the deck" }],
  users: [{ email: "chuck@northwind.io" }],
};

describe("references", () => {
  it("report each one that is neither in the document nor in the graph, at its own path", () => {
    expect(problemsOf(referringRecords)).toEqual([
      "topics[0].broader[0]: unknown topic CRM",
      "people[0].company: unknown company northwind.io",
      "people[0].interests[0].topic: unknown topic customer relationship management",
      "content[0].topics[0]: unknown topic crm",
      "connections[0].b: unknown person chuck@northwind.io",
      "engagements[0].person: unknown person chuck@northwind.io",
      "engagements[0].content: unknown content https://example.com/paper",
      "concerns[0].person: unknown person chuck@northwind.io",
      "concerns[0].topic: unknown topic CRM",
      "events[0].company: unknown company northwind.io",
      "promises[0].person: unknown person chuck@northwind.io",
      "promises[0].company: unknown company northwind.io",
      "users[0].email: unknown person chuck@northwind.io",
    ]);
  });

  it("resolve to keys already in the graph, topics by name or alias", () => {
    const known = knownKeys({
      emails: new Set(["chuck@northwind.io"]),
      domains: new Set(["northwind.io"]),
      contentUrls: new Set(["https://example.com/paper"]),
      topicKeys: new Map([["crm", "crm"], ["customer relationship management", "crm"]]),
    });
    expect(problemsOf(referringRecords, known)).toEqual([]);
  });

  it("still resolve to a record of the document that has problems of its own", () => {
    expect(problemsOf({
      version: 1,
      companies: [{ domain: "acme.example", staus: "CUSTOMER" }],
      people: [{ email: "zoe@acme.example", company: "acme.example", titel: "CEO" }, { email: "adam@acme.example" }],
      connections: [{ a: "zoe@acme.example", b: "adam@acme.example" }],
    })).toEqual(["companies[0].staus: unknown field", "people[0].titel: unknown field"]);
  });
});

describe("duplicates within the document", () => {
  it("report a repeated key at the later record, keys compared as normalized", () => {
    expect(problemsOf({
      version: 1,
      topics: [{ name: "CRM" }, { name: " crm " }],
      companies: [{ domain: "acme.example" }, { domain: "ACME.example" }],
      people: [
        { email: "zoe@acme.example", interests: [{ topic: "CRM" }, { topic: "Crm", weight: 0.9 }] },
        { email: "Zoe@Acme.example" },
        { email: "adam@acme.example" },
      ],
      content: [{ url: "https://example.com/a" }, { url: "https://example.com/a" }],
      connections: [{ a: "zoe@acme.example", b: "adam@acme.example" }, { a: "ADAM@acme.example", b: "zoe@acme.example" }],
      engagements: [
        { person: "zoe@acme.example", content: "https://example.com/a", action: "READ", at: "2026-10-01T10:00:00Z" },
        { person: "zoe@acme.example", content: "https://example.com/a", action: "READ", at: "2026-10-01T12:00:00+02:00" },
      ],
      concerns: [
        { person: "zoe@acme.example", topic: "CRM", text: "Too slow", expressedAt: "2026-10-01" },
        { person: "ZOE@acme.example", topic: "crm", text: "Too slow", expressedAt: "2026-10-01T00:00:00Z" },
      ],
      events: [{ company: "acme.example", type: "IPO", occurredAt: "2026-10-01" }, { company: "acme.example", type: "IPO", occurredAt: "2026-10-01T02:00:00+02:00" }],
      promises: [{ id: "p-1", person: "zoe@acme.example", text: "Call" }, { id: "p-1", company: "acme.example", text: "Write" }],
      users: [{ email: "zoe@acme.example" }, { email: "ZOE@acme.example" }],
    })).toEqual([
      "topics[1].name: \"crm\" is already a name or alias at topics[0].name",
      "companies[1].domain: duplicate company: same as companies[0]",
      "people[0].interests[1].topic: duplicate interest: same as people[0].interests[0]",
      "people[1].email: duplicate person: same as people[0]",
      "content[1].url: duplicate url: same as content[0]",
      "connections[1].b: duplicate connection: same as connections[0]",
      "engagements[1].at: duplicate engagement: same as engagements[0]",
      "concerns[1].text: duplicate concern: same as concerns[0]",
      "events[1].occurredAt: duplicate event: same as events[0]",
      "promises[1].text: duplicate promise: same as promises[0]",
      "users[1].email: duplicate user: same as users[0]",
    ]);
  });
});

describe("topic names and aliases", () => {
  it("may not be shared by two topics of the document, in any case", () => {
    expect(problemsOf({
      version: 1,
      topics: [{ name: "CRM", aliases: ["Customer Relationship Management"] }, { name: "Sales CRM", aliases: ["customer relationship MANAGEMENT"] }],
    })).toEqual(["topics[1].aliases[0]: \"customer relationship MANAGEMENT\" is already a name or alias at topics[0].aliases[0]"]);
  });

  it("may repeat within one topic", () => {
    expect(problemsOf({ version: 1, topics: [{ name: "CRM", aliases: ["crm", "Crm"] }] })).toEqual([]);
  });

  it("may not take a name or alias that another topic of the graph holds", () => {
    const known = knownKeys({ topicKeys: new Map([["crm", "crm"], ["sfdc", "salesforce"], ["salesforce", "salesforce"]]) });
    expect(problemsOf({ version: 1, topics: [{ name: "Sales CRM", aliases: ["CRM"] }, { name: "SFDC" }, { name: "crm" }] }, known)).toEqual([
      "topics[0].aliases[0]: \"CRM\" is already a name or alias of the topic crm",
      "topics[1].name: \"SFDC\" is already a name or alias of the topic salesforce",
      "topics[2].name: \"crm\" is already a name or alias at topics[0].aliases[0]",
    ]);
  });

  it("may take an alias of a graph topic whose aliases the document replaces", () => {
    const known = knownKeys({ topicKeys: new Map([["sfdc", "salesforce"], ["salesforce", "salesforce"]]) });
    const moved = { version: 1, topics: [{ name: "Salesforce", aliases: [] }, { name: "SFDC" }] };
    expect(problemsOf(moved, known)).toEqual([]);
    expect(problemsOf({ version: 1, topics: [{ name: "Salesforce" }, { name: "SFDC" }] }, known))
      .toEqual(["topics[1].name: \"SFDC\" is already a name or alias of the topic salesforce"]);
  });
});

describe("the topic hierarchy", () => {
  it("reports each cycle once, at the broader entry that closes it", () => {
    expect(problemsOf({
      version: 1,
      topics: [
        { name: "Root", broader: ["Loop A"] },
        { name: "Loop A", broader: ["Loop B"] },
        { name: "Loop B", broader: ["loop a"] },
        { name: "Itself", aliases: ["self"], broader: ["SELF"] },
        { name: "Leaf", broader: ["Root", "Itself"] },
      ],
    })).toEqual([
      "topics[2].broader[0]: cycle in the topic hierarchy: Loop A → Loop B → Loop A",
      "topics[3].broader[0]: cycle in the topic hierarchy: Itself → Itself",
    ]);
  });

  it("accepts a topic that is broader than several others (a diamond is no cycle)", () => {
    expect(problemsOf({
      version: 1,
      topics: [{ name: "Top" }, { name: "Left", broader: ["Top"] }, { name: "Right", broader: ["Top"] }, { name: "Bottom", broader: ["Left", "Right"] }],
    })).toEqual([]);
  });
});

describe("other rules", () => {
  it("refuse a connection of a person to themselves, in any case", () => {
    expect(problemsOf({ version: 1, people: [{ email: "zoe@acme.example" }], connections: [{ a: "zoe@acme.example", b: "Zoe@ACME.example" }] }))
      .toEqual(["connections[0].b: a person cannot be connected to themselves"]);
  });

  it("need a promise to be made to someone, and dated when it has no source id", () => {
    expect(problemsOf({ version: 1, promises: [{ text: "Call back" }, { id: "p-9", text: "Call back" }] })).toEqual([
      "promises[0]: needs a person, a company or both",
      "promises[0].madeAt: required when the promise has no id",
      "promises[1]: needs a person, a company or both",
    ]);
  });

  it("accept versions 1 and 2 only and known sections only, even ones named like Object's own properties", () => {
    expect(problemsOf({ users: [] })).toEqual(["version: required: 2 (or 1)"]);
    expect(problemsOf({ version: 3, constructor: [], toString: "x", peopel: [] })).toEqual([
      "version: unsupported version; expected 2 (or 1)",
      "constructor: unknown field",
      "toString: unknown field",
      "peopel: unknown field",
    ]);
    expect(problemsOf("{}")).toEqual(["$: a graph document must be a JSON object"]);
    expect(problemsOf({ version: 1 })).toEqual([]);
  });
});
