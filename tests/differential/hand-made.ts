/**
 * A hand-made document whose answers can be checked by reading it, and the
 * answers: they pin the in-memory evaluator (in-memory-evaluator.test.ts) and
 * the service (hand-made.test.ts) alike. People are named by the part of
 * their email before the @; a `person` in a filter is an email here, which
 * the service test replaces by that person's id.
 */
import type { CompanyWhere, PersonWhere } from "../../src/filters/types.js";
import type { GraphDocument } from "../../src/graph-document/schema.js";

export const NOW = new Date("2026-11-22T12:00:00Z");
export const SF = { latitude: 37.7749, longitude: -122.4194 };

export const DOCUMENT: GraphDocument = {
  version: 1,
  topics: [
    { name: "Sales Tech" },
    { name: "CRM", aliases: ["Customer Relationship Management"], broader: ["Sales Tech"] },
    { name: "Salesforce CRM", aliases: ["SFDC"], broader: ["crm"] },
    { name: "Churn" },
  ],
  companies: [
    { domain: "A.example", industry: "Software", employees: 100, status: "CUSTOMER", relationshipLevel: "PARTNER" },
    { domain: "b.example", employees: 20, status: "PROSPECT" },
    { domain: "c.example", industry: "Logistics", employees: 5000 },
  ],
  people: [
    { email: "Rep@A.example", name: "Rep", title: "Account Executive", company: "a.example", since: "2020-01-01", location: SF },
    { email: "ann@a.example", name: "Ann", title: "VP Sales", company: "a.example", since: "2026-11-01",
      location: { latitude: 37.8, longitude: -122.42 }, interests: [{ topic: "crm", weight: 0.8 }] },
    { email: "bob@b.example", name: "Bob", title: "Engineer", company: "b.example", since: "2019-01-01", until: "2026-10-01",
      location: { latitude: 51.5074, longitude: -0.1278 }, interests: [{ topic: "SFDC" }] },
    { email: "cat@b.example", name: "Cat", company: "b.example", since: "2018-05-01", interests: [{ topic: "Churn", weight: 0.3 }] },
    { email: "dan@c.example", name: "Dan", title: "Head of Sales", company: "c.example", since: "2015-01-01",
      location: { latitude: 37.8044, longitude: -122.2712 } },
  ],
  content: [
    { url: "https://x.example/paper", kind: "WHITE_PAPER", topics: ["Salesforce CRM"] },
    { url: "https://x.example/blog", kind: "BLOG_POST", topics: ["churn"] },
  ],
  connections: [
    { a: "rep@a.example", b: "ann@a.example", strength: 0.9 },
    { a: "ann@a.example", b: "bob@b.example", strength: 0.4 },
    { a: "bob@b.example", b: "cat@b.example" },
    { a: "rep@a.example", b: "dan@c.example", strength: 0.2 },
  ],
  engagements: [
    { person: "ann@a.example", content: "https://x.example/paper", action: "READ", at: "2026-11-20T10:00:00Z" },
    { person: "ann@a.example", content: "https://x.example/blog", action: "READ", at: "2026-05-01" },
    { person: "bob@b.example", content: "https://x.example/paper", action: "DOWNLOADED", at: "2026-11-10" },
    { person: "bob@b.example", content: "https://x.example/paper", action: "READ", at: "2026-11-12T00:00:00+01:00" },
  ],
  concerns: [
    { person: "cat@b.example", topic: "churn", text: "Churn is up", expressedAt: "2026-11-15", source: "CALL", severity: 4, level: "OUTCOME" },
    { person: "ann@a.example", topic: "CRM", text: "Reports take ages", expressedAt: "2026-01-10", severity: 2, level: "TASK" },
  ],
  events: [
    { company: "b.example", type: "FUNDING", stage: "SERIES_A", occurredAt: "2026-11-01" },
    { company: "a.example", type: "LAYOFFS", occurredAt: "2025-06-01" },
    // Dated ahead of now (an announced round): within no window yet.
    { company: "c.example", type: "FUNDING", stage: "SERIES_B", occurredAt: "2026-12-15" },
  ],
  users: [{ email: "rep@a.example" }],
};


export interface CaseGroup {
  title: string;
  people?: [where: PersonWhere, expected: string[]][];
  companies?: [where: CompanyWhere, expected: string[]][];
}

export const CASES: CaseGroup[] = [
  {
    title: "connectedTo: hops, the strength on every hop (0.5 when not given), never the person",
    people: [
      [{ connectedTo: {} }, ["ann", "dan"]],
      [{ connectedTo: { maxHops: 2 } }, ["ann", "bob", "dan"]],
      [{ connectedTo: { maxHops: 3, minStrength: 0.45 } }, ["ann"]],
      [{ connectedTo: { person: "bob@b.example", minStrength: 0.5 } }, ["cat"]],
      [{ connectedTo: { person: "cat@b.example", maxHops: 4 } }, ["ann", "bob", "dan", "rep"]],
      // Rep is the only user: the team reaches whom Rep reaches, never Rep.
      [{ connectedTo: { team: true, maxHops: 2 } }, ["ann", "bob", "dan"]],
      [{ NOT: { connectedTo: { team: true } } }, ["bob", "cat", "rep"]],
    ],
  },
  {
    title: "topics: any case, by alias, narrower topics included",
    people: [
      [{ interestedIn: { topics: ["customer RELATIONSHIP management"] } }, ["ann", "bob"]],
      [{ interestedIn: { topics: ["sales tech"], minWeight: 0.6 } }, ["ann"]],
      [{ interestedIn: { topics: ["sfdc", "CHURN"], minWeight: 0.4 } }, ["bob"]],
      [{ interestedIn: { topics: ["nothing"] } }, []],
    ],
  },
  {
    title: "engagedWith: every condition on the same engagement, counted",
    people: [
      [{ engagedWith: { topics: ["crm"], contentKinds: ["WHITE_PAPER"], minCount: 2 } }, ["bob"]],
      [{ engagedWith: { withinDays: 7 } }, ["ann"]],
      [{ engagedWith: { withinDays: 11 } }, ["ann", "bob"]],
      [{ engagedWith: { actions: ["READ"], contentKinds: ["BLOG_POST"], withinDays: 30 } }, []],
      [{ engagedWith: { topics: ["unknown"] } }, []],
    ],
  },
  {
    title: "expressedConcern: every condition on the same concern",
    people: [
      [{ expressedConcern: { topics: ["churn"], withinDays: 30, minSeverity: 4 } }, ["cat"]],
      [{ expressedConcern: { minSeverity: 2, levels: ["TASK"] } }, ["ann"]],
      [{ expressedConcern: { minSeverity: 3, levels: ["TASK"] } }, []],
      [{ expressedConcern: { sources: ["CALL", "EMAIL"] } }, ["cat"]],
    ],
  },
  {
    title: "worksAt and changedJobWithinDays: current employment only",
    people: [
      [{ worksAt: { statuses: ["PROSPECT"] } }, ["cat"]],
      [{ worksAt: { hadEvent: { types: ["FUNDING"], fundingStages: ["SERIES_A"], withinDays: 60 } } }, ["cat"]],
      [{ worksAt: { hadEvent: { withinDays: 365 } } }, ["cat"]],
      [{ worksAt: { employs: { titleContains: "vp" } } }, ["ann", "rep"]],
      [{ worksAt: { domains: [" C.EXAMPLE "], employeesMin: 5000, employeesMax: 5000 } }, ["dan"]],
      [{ changedJobWithinDays: 30 }, ["ann"]],
      [{ NOT: { worksAt: {} } }, ["bob"]],
    ],
  },
  {
    title: "near: from the viewer, a person or a point; an unknown location is not near",
    people: [
      [{ near: { radiusKm: 20 } }, ["ann", "dan", "rep"]],
      [{ near: { radiusKm: 10 } }, ["ann", "rep"]],
      [{ NOT: { near: { radiusKm: 10 } } }, ["bob", "cat", "dan"]],
      [{ near: { person: "bob@b.example", radiusKm: 1 } }, ["bob"]],
      [{ near: { person: "cat@b.example", radiusKm: 20_000 } }, []],
      [{ near: { latitude: 51.5, longitude: -0.13, radiusKm: 5 } }, ["bob"]],
    ],
  },
  {
    title: "titleContains ignores case; a missing title does not contain anything",
    people: [
      [{ titleContains: "SALES" }, ["ann", "dan"]],
      [{ NOT: { titleContains: "sales" } }, ["bob", "cat", "rep"]],
    ],
  },
  {
    title: "AND, OR and NOT",
    people: [
      [{ OR: [{ titleContains: "engineer" }, { interestedIn: { topics: ["churn"] } }] }, ["bob", "cat"]],
      [{ titleContains: "a", OR: [{ connectedTo: {} }, { near: { radiusKm: 1 } }] }, ["ann", "dan", "rep"]],
      [{ AND: [] }, ["ann", "bob", "cat", "dan", "rep"]],
      [{ OR: [] }, []],
      [{ NOT: { NOT: { connectedTo: {} } } }, ["ann", "dan"]],
    ],
  },
  {
    title: "CompanyWhere: fields, a missing value never matches, employs",
    companies: [
      [{ industries: ["Software"] }, ["a.example"]],
      [{ industries: [" software ", "LOGISTICS"] }, ["a.example", "c.example"]],
      [{ NOT: { industries: ["Software"] } }, ["b.example", "c.example"]],
      [{ NOT: { relationshipLevels: ["PARTNER"] } }, ["b.example", "c.example"]],
      [{ employs: { connectedTo: {} } }, ["a.example", "c.example"]],
      [{ employs: { titleContains: "engineer" } }, []],
      // Bob read the CRM paper too, but no longer works at b.example.
      [{ employs: { engagedWith: { topics: ["CRM"] } } }, ["a.example"]],
      [{ employs: { interestedIn: { topics: ["churn"] } }, NOT: { industries: ["Software"] } }, ["b.example"]],
      [{ hadEvent: {}, employeesMax: 100 }, ["a.example", "b.example"]],
    ],
  },
];
