/**
 * The first vertical slice through HTTP: person, company and topic lookups
 * with their nested fields, on a small graph imported into a workspace of
 * this file's own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("lookups");
const otherWorkspace = uniqueWorkspace("lookups-other");
const driver = testDriver();
let server: TestServer;

beforeAll(async () => {
  const db = testDb(driver);
  expect((await importGraphDocument(db, smallGraph(), { workspace })).ok).toBe(true);
  const other = smallGraph();
  other.people[1] = { ...other.people[1]!, name: "Chuck of another workspace" };
  expect((await importGraphDocument(db, other, { workspace: otherWorkspace })).ok).toBe(true);
  server = await startTestServer(workspace);
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await wipeWorkspace(driver, otherWorkspace);
  await driver.close();
});

const PERSON = `query Person($email: String, $id: ID) {
  person(email: $email, id: $id) {
    id email name title city location { latitude longitude }
    company { name domain headcount status relationshipLevel }
    employment { title since until }
    interests { weight topic { name } }
    engagements(first: 2) { action at content { title kind topics { name } } }
    concerns { text expressedAt source severity level topic { name } }
    promises(status: OPEN) { text dueAt status }
  }
}`;

describe("person", () => {
  it("finds a person by email, case-insensitively, with everything nested", async () => {
    const { data, errors } = await gql(server.url, PERSON, { email: " CHUCK@northwind.IO " });
    expect(errors).toBeUndefined();
    const { id, ...person } = data!.person;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(person).toEqual({
      email: "chuck@northwind.io",
      name: "Chuck Rivera",
      title: "CEO",
      city: "San Francisco",
      location: { latitude: 37.77, longitude: -122.41 },
      company: { name: "Northwind", domain: "northwind.io", headcount: 120, status: "PROSPECT", relationshipLevel: "CREDIBLE_SOURCE" },
      employment: { title: "CEO", since: "2019-03-01T00:00:00.000Z", until: null },
      interests: [
        { weight: 0.8, topic: { name: "CRM" } },
        { weight: 0.5, topic: { name: "Churn" } },
      ],
      engagements: [
        { action: "DOWNLOADED", at: "2026-10-20T16:05:00.000Z", content: { title: "The Renewal Playbook", kind: "WHITE_PAPER", topics: [{ name: "Churn" }, { name: "CRM" }] } },
        { action: "READ", at: "2026-10-20T16:00:00.000Z", content: { title: "The Renewal Playbook", kind: "WHITE_PAPER", topics: [{ name: "Churn" }, { name: "CRM" }] } },
      ],
      concerns: [
        { text: "Renewals slipped two quarters in a row", expressedAt: "2026-11-01T00:00:00.000Z", source: "CALL", severity: 4, level: "OUTCOME", topic: { name: "Churn" } },
      ],
      promises: [{ text: "Send the churn benchmark before the QBR", dueAt: "2026-11-20T00:00:00.000Z", status: "OPEN" }],
    });
  });

  it("finds the same person by id, and gives null for an unknown one", async () => {
    const byEmail = await gql(server.url, PERSON, { email: "chuck@northwind.io" });
    const byId = await gql(server.url, PERSON, { id: byEmail.data!.person.id });
    expect(byId).toEqual(byEmail);
    expect(await gql(server.url, "{ person(id: \"no-such-id\") { id } }")).toEqual({ data: { person: null } });
  });

  it("has no current company once an employment has ended", async () => {
    const { data } = await gql(server.url, "{ person(email: \"dana@northwind.io\") { name company { name } employment { title } } }");
    expect(data).toEqual({ person: { name: "Dana Former", company: null, employment: null } });
  });

  it("rejects both or neither of id and email with BAD_USER_INPUT", async () => {
    for (const query of ["{ person { id } }", "{ person(id: \"x\", email: \"y\") { id } }"]) {
      const { errors } = await gql(server.url, query);
      expect(errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message).toBe("give exactly one of id, email and profileUrl");
    }
  });

  it("rejects a page size out of range with BAD_USER_INPUT", async () => {
    const { errors } = await gql(server.url, "{ person(email: \"chuck@northwind.io\") { engagements(first: 1000) { at } } }");
    expect(errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toBe("first must be an integer from 0 to 100");
  });
});

describe("company", () => {
  it("finds a company by domain, case-insensitively, with current employees and events", async () => {
    const { data } = await gql(server.url, `{ company(domain: "NORTHWIND.io") {
      name employees { email } events { type stage amountUsd occurredAt } promises { text status }
    } }`);
    expect(data).toEqual({
      company: {
        name: "Northwind",
        employees: [{ email: "chuck@northwind.io" }],
        events: [
          { type: "FUNDING", stage: "SERIES_B", amountUsd: 25000000, occurredAt: "2026-10-15T00:00:00.000Z" },
          { type: "LEADERSHIP_CHANGE", stage: null, amountUsd: null, occurredAt: "2025-01-10T00:00:00.000Z" },
        ],
        promises: [{ text: "Send the churn benchmark before the QBR", status: "OPEN" }],
      },
    });
  });

  it("finds a company by id and gives null for an unknown domain", async () => {
    const { data } = await gql(server.url, "{ company(domain: \"contoso.example\") { id } }");
    const byId = await gql(server.url, `{ company(id: "${data!.company.id}") { domain } }`);
    expect(byId).toEqual({ data: { company: { domain: "contoso.example" } } });
    expect(await gql(server.url, "{ company(domain: \"nowhere.example\") { id } }")).toEqual({ data: { company: null } });
  });
});

describe("topic", () => {
  it("finds a topic by name or alias, case-insensitively, with its hierarchy", async () => {
    const query = "query T($name: String!) { topic(name: $name) { name aliases broader { name } narrower { name } } }";
    const crm = { name: "CRM", aliases: ["Customer Relationship Management"], broader: [{ name: "Sales Technology" }], narrower: [{ name: "Salesforce CRM" }] };
    expect(await gql(server.url, query, { name: "crm" })).toEqual({ data: { topic: crm } });
    expect(await gql(server.url, query, { name: "CUSTOMER relationship management" })).toEqual({ data: { topic: crm } });
    expect(await gql(server.url, query, { name: "unknown topic" })).toEqual({ data: { topic: null } });
  });
});

describe("workspaces", () => {
  it("serves only the records of its own workspace", async () => {
    const { data } = await gql(server.url, "{ person(email: \"chuck@northwind.io\") { name } }");
    expect(data).toEqual({ person: { name: "Chuck Rivera" } });
    const other = await startTestServer(otherWorkspace);
    try {
      expect((await gql(other.url, "{ person(email: \"chuck@northwind.io\") { name } }")).data).toEqual({ person: { name: "Chuck of another workspace" } });
    } finally {
      await other.stop();
    }
  });
});
