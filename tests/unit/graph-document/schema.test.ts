import { describe, expect, it } from "vitest";
import {
  COMPANY_STATUSES, CONCERN_LEVELS, CONCERN_SOURCES, CONTENT_KINDS, ConcernRecord, ConnectionRecord, ENGAGEMENT_ACTIONS,
  EVENT_TYPES, FUNDING_STAGES, PROMISE_STATUSES, PersonRecord, RELATIONSHIP_LEVELS, TopicRecord, isDocumentDate,
} from "../../../src/graph-document/schema.js";
import { validateGraphDocument } from "../../../src/graph-document/validate.js";

function problemsOf(input: unknown): string[] {
  const result = validateGraphDocument(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe("enumerations", () => {
  it("are the upper-case lists of docs/graph-document.md", () => {
    expect(COMPANY_STATUSES).toEqual(["PROSPECT", "CUSTOMER", "FORMER_CUSTOMER", "PARTNER"]);
    expect(RELATIONSHIP_LEVELS).toEqual(["TRUSTED_ADVISER", "PARTNER", "CREDIBLE_SOURCE", "TRANSACTIONAL", "COMMODITY"]);
    expect(CONTENT_KINDS).toEqual(["WHITE_PAPER", "BLOG_POST", "WEBINAR", "CASE_STUDY", "VIDEO", "REPORT"]);
    expect(ENGAGEMENT_ACTIONS).toEqual(["READ", "DOWNLOADED", "ATTENDED", "SHARED", "LIKED", "COMMENTED"]);
    expect(CONCERN_SOURCES).toEqual(["CALL", "EMAIL", "MEETING", "SOCIAL_POST", "SURVEY", "SUPPORT_TICKET", "NOTE"]);
    expect(CONCERN_LEVELS).toEqual(["ASPIRATION", "OUTCOME", "RESPONSIBILITY", "TASK", "BROKEN"]);
    expect(EVENT_TYPES).toEqual(["FUNDING", "LEADERSHIP_CHANGE", "ACQUISITION", "PRODUCT_LAUNCH", "LAYOFFS", "EXPANSION", "IPO"]);
    expect(FUNDING_STAGES).toEqual(["PRE_SEED", "SEED", "SERIES_A", "SERIES_B", "SERIES_C", "SERIES_D_PLUS", "DEBT", "GRANT"]);
    expect(PROMISE_STATUSES).toEqual(["OPEN", "KEPT", "BROKEN"]);
  });

  it("reject other spellings, lower case included", () => {
    expect(problemsOf({ version: 1, companies: [{ domain: "acme.example", status: "prospect" }] }))
      .toEqual(["companies[0].status: expected one of PROSPECT, CUSTOMER, FORMER_CUSTOMER, PARTNER"]);
  });
});

describe("document dates", () => {
  it.each([
    "2026-10-15", "2024-02-29", "2000-02-29", "2026-12-31", "2026-10-15T09:30:00Z", "2026-10-15T09:30Z",
    "2026-10-15T09:30:00+02:00", "2026-10-15T09:30:00.123-05:30", "2026-10-15T23:59:59.123456789Z",
  ])("accept %s", (value) => {
    expect(isDocumentDate(value)).toBe(true);
  });

  it.each([
    "2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "2026-10-00", "2026-13-01", "2026-10-15T09:30:00", "2026-10-15 09:30:00Z", "2026-10-15T24:00:00Z",
    "2026-10-15T09:30:00+0200", "15/10/2026", "2026-10", "20261015", "2026-10-15Z",
  ])("reject %s", (value) => {
    expect(isDocumentDate(value)).toBe(false);
  });

  it("are reported on every date field", () => {
    expect(problemsOf({ version: 1, people: [{ email: "a@acme.example", since: "2026-02-30", until: "yesterday" }] })).toEqual([
      "people[0].since: expected a date (2026-10-15) or a date-time with offset (2026-10-15T09:30:00Z)",
      "people[0].until: expected a date (2026-10-15) or a date-time with offset (2026-10-15T09:30:00Z)",
    ]);
  });
});

describe("record schemas", () => {
  it("require only the keys", () => {
    expect(TopicRecord.safeParse({ name: "CRM" }).success).toBe(true);
    expect(PersonRecord.safeParse({ email: "a@acme.example" }).success).toBe(true);
    expect(problemsOf({ version: 1, topics: [{}], people: [{ name: "No Email" }], engagements: [{}] })).toEqual([
      "topics[0].name: required",
      "people[0].email: needs an email, a profile URL or both",
      "engagements[0].person: required",
      "engagements[0].content: required",
      "engagements[0].action: required",
      "engagements[0].at: required",
    ]);
  });

  it("reject unknown fields at every depth instead of dropping them", () => {
    expect(PersonRecord.safeParse({ email: "a@acme.example", emial: "x" }).success).toBe(false);
    expect(problemsOf({
      version: 1,
      people: [{ email: "a@acme.example", emial: "typo", location: { latitude: 1, longitude: 2, altitude: 3 }, interests: [{ topic: "CRM", wieght: 1 }] }],
    })).toEqual([
      "people[0].location.altitude: unknown field",
      "people[0].interests[0].wieght: unknown field",
      "people[0].emial: unknown field",
    ]);
  });

  it("keep strength and weight in [0, 1]", () => {
    expect(ConnectionRecord.safeParse({ a: "a@acme.example", b: "b@acme.example", strength: 0 }).success).toBe(true);
    expect(ConnectionRecord.safeParse({ a: "a@acme.example", b: "b@acme.example", strength: 1 }).success).toBe(true);
    expect(problemsOf({
      version: 1,
      people: [{ email: "a@acme.example", interests: [{ topic: "CRM", weight: 1.01 }] }, { email: "b@acme.example" }],
      connections: [{ a: "a@acme.example", b: "b@acme.example", strength: -0.01 }],
    })).toEqual([
      "people[0].interests[0].weight: must be between 0 and 1",
      "connections[0].strength: must be between 0 and 1",
    ]);
  });

  it("keep severity a whole number from 1 to 5", () => {
    const concern = { person: "a@acme.example", topic: "CRM", text: "Too slow", expressedAt: "2026-11-01" };
    expect([1, 5].map((severity) => ConcernRecord.safeParse({ ...concern, severity }).success)).toEqual([true, true]);
    const texts = ["Too slow", "Too dear", "Too late"];
    expect(problemsOf({
      version: 1,
      topics: [{ name: "CRM" }],
      people: [{ email: "a@acme.example" }],
      concerns: [0, 6, 2.5].map((severity, i) => ({ ...concern, text: texts[i], severity })),
    })).toEqual([
      "concerns[0].severity: must be from 1 to 5",
      "concerns[1].severity: must be from 1 to 5",
      "concerns[2].severity: must be a whole number from 1 to 5",
    ]);
  });

  it("keep a location on the globe", () => {
    expect(problemsOf({
      version: 1,
      companies: [
        { domain: "a.example", location: { latitude: 90, longitude: -180 } },
        { domain: "b.example", location: { latitude: -90.5, longitude: 180.5 } },
      ],
    })).toEqual([
      "companies[1].location.latitude: must be between -90 and 90",
      "companies[1].location.longitude: must be between -180 and 180",
    ]);
  });

  it("check emails, domains, urls, counts and types", () => {
    expect(problemsOf({
      version: 1,
      companies: [{ domain: "acme", employees: -1 }],
      people: [{ email: "a@", name: 42 }],
      content: [{ url: "example.com/no-scheme" }],
      events: [{ company: "acme", type: "IPO", occurredAt: "2026-01-01", amountUsd: -5 }],
    })).toEqual([
      "companies[0].domain: invalid domain",
      "companies[0].employees: must not be negative",
      "people[0].email: invalid email",
      "people[0].name: expected string, got number",
      "content[0].url: invalid url",
      "events[0].amountUsd: must not be negative",
      "events[0].company: unknown company acme",
    ]);
  });

  it("refuse blank and control characters in free text", () => {
    expect(problemsOf({
      version: 1,
      topics: [{ name: "   " }, { name: "Line\u001fbreak" }, { name: "Tabs\tand\nnewlines are fine" }],
    })).toEqual([
      "topics[0].name: must not be empty",
      "topics[1].name: must not contain control characters",
    ]);
  });
});
