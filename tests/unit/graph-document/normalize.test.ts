import { describe, expect, it } from "vitest";
import { companyLookup, personLookup } from "../../../src/db/key-lookups.js";
import {
  DEFAULT_STRENGTH, KEY_SEPARATOR, companyKey, concernKey, eventKey, personKey, promiseKey, toInstant,
} from "../../../src/graph-document/normalize.js";
import { validateGraphDocument, type KnownKeys } from "../../../src/graph-document/validate.js";

function normalized(input: unknown, known?: KnownKeys) {
  const result = validateGraphDocument(input, known);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return result.document;
}

const twoPeople = {
  version: 1,
  topics: [{ name: "CRM", aliases: ["Customer Relationship Management"] }],
  companies: [{ domain: " Northwind.IO " }],
  people: [
    { email: " Zoe@Northwind.IO ", company: "NORTHWIND.io" },
    { email: "adam@northwind.io" },
  ],
};

describe("toInstant", () => {
  it("turns a date into midnight UTC and a date-time into its UTC instant", () => {
    expect(toInstant("2026-11-01")).toBe("2026-11-01T00:00:00.000Z");
    expect(toInstant("2026-10-15T09:30:00+02:00")).toBe("2026-10-15T07:30:00.000Z");
    expect(toInstant("2026-10-15T23:30:00-05:00")).toBe("2026-10-16T04:30:00.000Z");
    expect(toInstant("2026-10-15T09:30Z")).toBe("2026-10-15T09:30:00.000Z");
    expect(toInstant("2026-10-15T09:30:07Z")).toBe("2026-10-15T09:30:07.000Z");
    expect(toInstant("2026-10-15T09:30:07.250Z")).toBe("2026-10-15T09:30:07.250Z");
    expect(toInstant("2026-10-15T09:30:07.25Z")).toBe("2026-10-15T09:30:07.250Z");
    expect(toInstant("2026-10-15T09:30:07.123456Z")).toBe("2026-10-15T09:30:07.123Z");
  });

  it("gives what Date gives for UTC date-times, whichever way they are read", () => {
    for (let ms = Date.UTC(1999, 11, 31, 23, 59, 59); ms < Date.UTC(2030, 0, 1); ms += 7_919_999_937) {
      const iso = new Date(ms).toISOString();
      expect(toInstant(iso)).toBe(iso);
      expect(toInstant(`${iso.slice(0, 19)}Z`)).toBe(new Date(Math.floor(ms / 1000) * 1000).toISOString());
    }
  });
});

describe("personLookup and companyLookup", () => {
  it("put a person's key under the property that holds it, whichever way the reference was written", () => {
    expect(personLookup(personKey(" HTTPS.Fan@Example.com "))).toEqual({ email: "https.fan@example.com", profileUrl: null });
    expect(personLookup(personKey("http://www.LinkedIn.com/in/Jane-Doe/"))).toEqual({ email: null, profileUrl: "https://linkedin.com/in/jane-doe" });
    expect(personLookup(personKey("https://medium.com/@jane"))).toEqual({ email: null, profileUrl: "https://medium.com/@jane" });
  });

  it("put a company's key under domain or name key, a name with dots included", () => {
    expect(companyLookup(companyKey(" Northwind.IO "))).toEqual({ domain: "northwind.io", nameKey: null });
    expect(companyLookup(companyKey("Acme.io, Inc."))).toEqual({ domain: null, nameKey: "acmeio" });
    expect(companyLookup(companyKey("Nestlé S.A."))).toEqual({ domain: null, nameKey: "nestle" });
  });
});

describe("natural keys", () => {
  it("are readable parts joined by the unit separator", () => {
    expect(KEY_SEPARATOR).toBe("\u001f");
    expect(concernKey("a@x.io", "crm", "2026-11-01T00:00:00.000Z", "Too slow")).toBe("a@x.io\u001fcrm\u001f2026-11-01T00:00:00.000Z\u001fToo slow");
    expect(eventKey("x.io", "IPO", "2026-11-01T00:00:00.000Z")).toBe("x.io\u001fIPO\u001f2026-11-01T00:00:00.000Z");
  });

  it("key a promise by its source id when given, else by whom, what and when", () => {
    expect(promiseKey({ id: "crm-1", person: "a@x.io", text: "Call", madeAt: "2026-11-01T00:00:00.000Z" })).toBe("id:crm-1");
    expect(promiseKey({ person: "a@x.io", text: "Call", madeAt: "2026-11-01T00:00:00.000Z" })).toBe("a@x.io\u001f\u001fCall\u001f2026-11-01T00:00:00.000Z");
    expect(promiseKey({ company: "x.io", text: "Call", madeAt: "2026-11-01T00:00:00.000Z" })).toBe("\u001fx.io\u001fCall\u001f2026-11-01T00:00:00.000Z");
  });

  it("do not depend on how the document spells the same record", () => {
    const spelled = (person: string, topic: string, at: string, company: string) => normalized({
      ...twoPeople,
      concerns: [{ person, topic, text: "Too slow", expressedAt: at }],
      events: [{ company, type: "IPO", occurredAt: at }],
      promises: [{ person, company, text: "Call back", madeAt: at }],
    });
    const first = spelled("zoe@northwind.io", "CRM", "2026-10-15T09:30:00+02:00", "northwind.io");
    const second = spelled("ZOE@Northwind.io", "customer relationship MANAGEMENT", "2026-10-15T07:30:00Z", "NorthWind.IO");
    expect(second.concerns[0]?.key).toBe(first.concerns[0]?.key);
    expect(second.events[0]?.key).toBe(first.events[0]?.key);
    expect(second.promises[0]?.key).toBe(first.promises[0]?.key);
    expect(first.concerns[0]?.key).toBe("zoe@northwind.io\u001fcrm\u001f2026-10-15T07:30:00.000Z\u001fToo slow");
    expect(first.promises[0]?.key).toBe("zoe@northwind.io\u001fnorthwind.io\u001fCall back\u001f2026-10-15T07:30:00.000Z");
  });
});

describe("normalizeDocument (through validateGraphDocument)", () => {
  it("lower-cases and trims emails and domains wherever they appear", () => {
    const document = normalized({
      ...twoPeople,
      connections: [{ a: "ZOE@northwind.io", b: "Adam@Northwind.io" }],
      events: [{ company: "NorthWind.io", type: "IPO", occurredAt: "2026-01-01" }],
      promises: [{ id: "p-1", person: "Zoe@Northwind.io", company: "NORTHWIND.IO", text: "Call" }],
      users: [{ email: " ZOE@NORTHWIND.IO" }],
    });
    expect(document.companies[0]?.domain).toBe("northwind.io");
    expect(document.people.map((p) => [p.email, p.company])).toEqual([["zoe@northwind.io", "northwind.io"], ["adam@northwind.io", undefined]]);
    expect(document.events[0]?.company).toBe("northwind.io");
    expect(document.promises[0]).toMatchObject({ person: "zoe@northwind.io", company: "northwind.io", key: "id:p-1" });
    expect(document.users).toEqual([{ email: "zoe@northwind.io" }]);
  });

  it("orders each connection's pair so that a < b and fills in the default strength", () => {
    const document = normalized({ ...twoPeople, connections: [{ a: "zoe@northwind.io", b: "adam@northwind.io" }] });
    expect(document.connections).toEqual([
      { a: "adam@northwind.io", b: "zoe@northwind.io", strength: DEFAULT_STRENGTH, since: undefined, lastInteractionAt: undefined },
    ]);
    expect(DEFAULT_STRENGTH).toBe(0.5);
  });

  it("fills in the default interest weight and keeps a given one, 0 included", () => {
    const document = normalized({
      ...twoPeople,
      topics: [{ name: "CRM" }, { name: "Churn" }, { name: "Pricing" }],
      people: [{ email: "zoe@northwind.io", interests: [{ topic: "crm" }, { topic: "churn", weight: 0 }, { topic: "PRICING", weight: 1 }] }],
    });
    expect(document.people[0]?.interests).toEqual([{ topic: "crm", weight: 0.5 }, { topic: "churn", weight: 0 }, { topic: "pricing", weight: 1 }]);
  });

  it("resolves every topic reference by name or alias, in any case, to the canonical key", () => {
    const known: KnownKeys = {
      profiles: new Map(), companyNames: new Set(),
      emails: new Set(), domains: new Set(), contentUrls: new Set(),
      topicKeys: new Map([["sales technology", "sales technology"], ["salestech", "sales technology"]]),
    };
    const document = normalized({
      version: 1,
      topics: [{ name: "CRM", aliases: ["Customer Relationship Management", "crm suite"], broader: ["SALESTECH"] }, { name: "SFDC", broader: ["CRM SUITE"] }],
      people: [{ email: "zoe@northwind.io", interests: [{ topic: "customer relationship management" }] }],
      content: [{ url: "https://example.com/a", topics: ["Crm Suite", "sales technology"] }],
      concerns: [{ person: "zoe@northwind.io", topic: "CUSTOMER RELATIONSHIP MANAGEMENT", text: "Too slow", expressedAt: "2026-11-01" }],
    }, known);
    expect(document.topics).toEqual([
      { key: "crm", name: "CRM", aliases: ["Customer Relationship Management", "crm suite"], broader: ["sales technology"] },
      { key: "sfdc", name: "SFDC", aliases: undefined, broader: ["crm"] },
    ]);
    expect(document.people[0]?.interests).toEqual([{ topic: "crm", weight: 0.5 }]);
    expect(document.content[0]?.topics).toEqual(["crm", "sales technology"]);
    expect(document.concerns[0]?.topic).toBe("crm");
  });

  it("converts every date and time to a UTC instant", () => {
    const document = normalized({
      ...twoPeople,
      people: [{ email: "zoe@northwind.io", since: "2019-03-01", until: "2026-10-15T09:30:00+02:00" }, { email: "adam@northwind.io" }],
      content: [{ url: "https://example.com/a", publishedAt: "2026-06-01" }],
      connections: [{ a: "zoe@northwind.io", b: "adam@northwind.io", since: "2021-05-01T00:00:00-07:00", lastInteractionAt: "2026-11-02" }],
      engagements: [{ person: "zoe@northwind.io", content: "https://example.com/a", action: "READ", at: "2026-10-20T16:00:00.250Z" }],
      concerns: [{ person: "zoe@northwind.io", topic: "CRM", text: "Too slow", expressedAt: "2026-11-01" }],
      events: [{ company: "northwind.io", type: "FUNDING", occurredAt: "2026-10-15" }],
      promises: [{ person: "zoe@northwind.io", text: "Call", madeAt: "2026-11-01T12:00:00+01:00", dueAt: "2026-11-20" }],
    });
    expect(document.people[0]).toMatchObject({ since: "2019-03-01T00:00:00.000Z", until: "2026-10-15T07:30:00.000Z" });
    expect(document.content[0]?.publishedAt).toBe("2026-06-01T00:00:00.000Z");
    expect(document.connections[0]).toMatchObject({ since: "2021-05-01T07:00:00.000Z", lastInteractionAt: "2026-11-02T00:00:00.000Z" });
    expect(document.engagements[0]?.at).toBe("2026-10-20T16:00:00.250Z");
    expect(document.concerns[0]?.expressedAt).toBe("2026-11-01T00:00:00.000Z");
    expect(document.events[0]?.occurredAt).toBe("2026-10-15T00:00:00.000Z");
    expect(document.promises[0]).toMatchObject({ madeAt: "2026-11-01T11:00:00.000Z", dueAt: "2026-11-20T00:00:00.000Z" });
  });
});
