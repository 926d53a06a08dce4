/**
 * Contacts files into a real Neo4j: LinkedIn's Connections.csv (notes above
 * the header, BOM, CRLF, a quoted newline, URLs written three ways), a
 * HubSpot-style `;` export, a Salesforce-style export and a vCard 3.0/4.0
 * address book (a folded line, an escaped comma); identity without email;
 * companies by normalised name; line-numbered problems, all or nothing; and
 * the round trip through the graph document.
 */
import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { exportSections } from "../../src/graph-document/export.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { writeGraphDocument } from "../../src/graph-document/write.js";
import { ingestContacts } from "../../src/ingest/contacts/ingest-contacts.js";
import { testDb, testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, gql, startTestServer } from "../support/server.js";
import { eventBound } from "../../src/scoring.js";
import { companyEventBounds, evidenceBounds, roundedBound } from "../support/evidence-bounds.js";

const driver = testDriver();
const db = testDb(driver);
const workspace = uniqueWorkspace("contacts");
const copy = uniqueWorkspace("contacts-copy");
const user = "maya@ourco.example";
const file = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures/contacts", name), "utf8");

beforeAll(async () => {
  const setup = await importGraphDocument(db, {
    version: 2,
    topics: [{ name: "Churn" }],
    companies: [{ domain: "acme.example", name: "ACME Inc" }],
    people: [{ email: user, name: "Maya" }],
    users: [{ email: user }],
  }, { workspace });
  expect(setup.ok).toBe(true);
});

afterAll(async () => {
  for (const name of [workspace, copy]) await wipeWorkspace(driver, name);
  await driver.close();
});

async function rows(cypher: string, params: Record<string, unknown> = {}) {
  const { records } = await driver.executeQuery(cypher, { workspace, ...params }, { database: testTarget().database });
  return records.map((r) => r.toObject());
}

async function exported(name: string): Promise<Record<string, unknown>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeGraphDocument(exportSections(db, name), out);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

describe("a LinkedIn export", () => {
  it("makes each row a connection of the user at the contact default, identified by profile URL when there is no email", async () => {
    const summary = await ingestContacts(db, file("linkedin-connections.csv"), { workspace, user });
    expect(summary).toMatchObject({ format: "linkedin", rows: 3, valid: 3, written: true, peopleCreated: 3, connectionsCreated: 3 });
    expect(summary.invalid.count).toBe(0);
    const people = await rows(`
      MATCH (:Person {workspace: $workspace, email: $user})-[k:KNOWS]-(p:Person)
      OPTIONAL MATCH (p)-[:WORKS_AT]->(c:Company)
      RETURN p.name AS name, p.email AS email, p.profileUrl AS url, p.title AS title, c.domain AS domain, c.name AS company,
             k.strength AS strength, toString(date(k.since)) AS since ORDER BY name`, { user });
    expect(people).toEqual([
      { name: "Jane Doe", email: null, url: "https://linkedin.com/in/jane-doe", title: "VP Sales", domain: "acme.example", company: "ACME Inc", strength: 0.2, since: "2024-03-14" },
      { name: "Li Wei", email: null, url: "https://linkedin.com/in/li-wei", title: "Engineer\nand mentor", domain: null, company: "Initech S.A.", strength: 0.2, since: "2021-11-30" },
      { name: "Omar Haddad", email: "omar@globex.example", url: "https://linkedin.com/in/omarhaddad", title: 'CTO, "Platform"', domain: null, company: "Globex GmbH", strength: 0.2, since: "2023-01-02" },
    ]);
  });

  it("changes nothing when read again, and never lowers a stronger connection", async () => {
    await driver.executeQuery("MATCH (:Person {workspace: $workspace, email: $user})-[k:KNOWS]-(:Person {profileUrl: 'https://linkedin.com/in/jane-doe'}) SET k.floor = 0.9, k.strength = 0.9",
      { workspace, user }, { database: testTarget().database });
    const before = await exported(workspace);
    const again = await ingestContacts(db, file("linkedin-connections.csv"), { workspace, user });
    expect(again).toMatchObject({ peopleCreated: 0, companiesCreated: 0, connectionsCreated: 0, written: true });
    expect(await exported(workspace)).toEqual(before);
  });

  it("finds a person by any spelling of their profile URL", async () => {
    const [found] = await rows("MATCH (p:Person {workspace: $workspace, profileUrl: 'https://linkedin.com/in/li-wei'}) RETURN p.name AS name");
    expect(found).toEqual({ name: "Li Wei" });
  });
});

describe("people known by profile URL only, in lists", () => {
  it("are listed among the user's connections ordered by email, their email as empty text, counted and paged through", async () => {
    const server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey" });
    try {
      const reader = bearer((await createApiKey(db, { workspace, email: user, role: "READER" })).key);
      const { data, errors } = await gql(server.url, `{ people(where: { connectedTo: { maxHops: 1 } }, orderBy: { field: EMAIL }, first: 10) {
        totalCount edges { node { name email } } } }`, {}, reader);
      expect(errors).toBeUndefined();
      expect(data!.people).toEqual({ totalCount: 3, edges: [
        { node: { name: "Jane Doe", email: null } },
        { node: { name: "Li Wei", email: null } },
        { node: { name: "Omar Haddad", email: "omar@globex.example" } },
      ] });
      // A row a page: every cursor after a missing email or domain must lead on.
      const walk = async (list: "people" | "companies", args: string) => {
        const names: string[] = [];
        let after: string | null = null;
        do {
          const page: { data?: any; errors?: unknown } = await gql(server.url, `query($after: String) { ${list}(${args}, first: 1, after: $after) {
            edges { node { name } } pageInfo { hasNextPage endCursor } } }`, { after }, reader);
          expect(page.errors).toBeUndefined();
          names.push(...page.data[list].edges.map((edge: { node: { name: string } }) => edge.node.name));
          after = page.data[list].pageInfo.hasNextPage ? page.data[list].pageInfo.endCursor : null;
        } while (after);
        return names;
      };
      expect(await walk("people", "where: { connectedTo: { maxHops: 1 } }, orderBy: { field: EMAIL }")).toEqual(["Jane Doe", "Li Wei", "Omar Haddad"]);
      expect(await walk("companies", "orderBy: { field: DOMAIN }")).toEqual(["Globex GmbH", "Initech S.A.", "ACME Inc"]);
    } finally {
      await server.stop();
    }
  });
});

describe("bad rows", () => {
  it("are reported by line (header counted) and column, and nothing of the file is written", async () => {
    const summary = await ingestContacts(db, file("linkedin-bad-rows.csv"), { workspace, user });
    expect(summary.written).toBe(false);
    expect(summary.invalid.listed).toEqual([
      { line: 3, column: "Email", message: "No Key has no email and no profile URL: one is needed to tell people apart" },
      { line: 4, column: "Email Address", message: "invalid email" },
      { line: 5, column: "Connected On", message: 'unreadable date "31 Feb 2024" (expected e.g. 14 Mar 2024)' },
    ]);
    expect(await rows("MATCH (p:Person {workspace: $workspace, profileUrl: 'https://linkedin.com/in/good-row'}) RETURN p")).toEqual([]);
  });

  it("leave the good rows to be written with skipInvalid", async () => {
    const summary = await ingestContacts(db, file("linkedin-bad-rows.csv"), { workspace, user, skipInvalid: true });
    expect(summary).toMatchObject({ written: true, valid: 1, peopleCreated: 1 });
    expect(summary.invalid.count).toBe(3);
    expect(await rows("MATCH (p:Person {workspace: $workspace, profileUrl: 'https://linkedin.com/in/good-row'}) RETURN p.name AS name")).toEqual([{ name: "Good Row" }]);
  });
});

describe("CRM exports and address books", () => {
  it("read HubSpot-style headers with ';' and a company named another way than the one in the graph", async () => {
    const summary = await ingestContacts(db, file("hubspot-contacts.csv"), { workspace, user: null });
    expect(summary).toMatchObject({ format: "csv", valid: 2, written: true, connectionsCreated: 0 });
    const people = await rows(`MATCH (p:Person {workspace: $workspace})-[:WORKS_AT]->(c:Company) WHERE p.email IN ['ana@umbrella.example', 'ben@acme.example']
      RETURN p.email AS email, p.title AS title, p.city AS city, c.domain AS domain ORDER BY email`);
    expect(people).toEqual([
      { email: "ana@umbrella.example", title: "Buyer", city: "Lisbon", domain: "umbrella.example" },
      { email: "ben@acme.example", title: "Director; Ops", city: "Lagos", domain: "acme.example" },
    ]);
  });

  it("read Salesforce-style headers, with a profile URL beside the email", async () => {
    const summary = await ingestContacts(db, file("salesforce-contacts.csv"), { workspace, user: null });
    expect(summary).toMatchObject({ valid: 1, written: true });
    expect(await rows("MATCH (p:Person {workspace: $workspace, email: 'cara@hooli.example'})-[:WORKS_AT]->(c) RETURN p.profileUrl AS url, c.name AS company, p.country AS country"))
      .toEqual([{ url: "https://linkedin.com/in/caralind", company: "Hooli LLC", country: "Sweden" }]);
  });

  it("read vCard 3.0 and 4.0, folded lines and escaped commas included; Initech SA is Initech S.A.", async () => {
    const summary = await ingestContacts(db, file("google-contacts.vcf"), { workspace, user: null });
    expect(summary).toMatchObject({ format: "vcard", rows: 2, valid: 2, written: true, companiesCreated: 0 });
    const people = await rows(`MATCH (p:Person {workspace: $workspace})-[:WORKS_AT]->(c:Company) WHERE p.email IN ['minjun@acme.example', 'sofia@initech.example']
      RETURN p.name AS name, p.title AS title, p.city AS city, p.profileUrl AS url, c.name AS company ORDER BY name`);
    expect(people).toEqual([
      { name: "Min-jun Park", title: "Account Executive", city: "Seoul", url: null, company: "ACME Inc" },
      { name: "Sofia Rossi", title: null, city: null, url: "https://linkedin.com/in/sofia-rossi", company: "Initech S.A." },
    ]);
    expect(await rows("MATCH (c:Company {workspace: $workspace}) WHERE c.nameKey IN ['acme', 'initech'] RETURN count(c) AS n")).toEqual([{ n: expect.objectContaining({ low: 2 }) }]);
  });

  it("take a name column as a name even when it reads as a domain: only a domain column gives a domain", async () => {
    const text = "Email,Company,Website\nbo@x.example,Booking.com,\nnode@x.example,Node.js,\nbk@y.example,Booking.com,https://www.booking.com/\n";
    expect(await ingestContacts(db, text, { workspace, user: null })).toMatchObject({ valid: 3, written: true });
    const employers = await rows(`MATCH (p:Person {workspace: $workspace})-[:WORKS_AT]->(c) WHERE p.email IN ['bo@x.example', 'node@x.example', 'bk@y.example']
      RETURN p.email AS email, c.id AS id, c.name AS name, c.domain AS domain, c.nameKey AS key ORDER BY email`);
    expect(employers.map(({ id: _, ...e }) => e)).toEqual([
      { email: "bk@y.example", name: "Booking.com", domain: "booking.com", key: "bookingcom" },
      { email: "bo@x.example", name: "Booking.com", domain: "booking.com", key: "bookingcom" },
      { email: "node@x.example", name: "Node.js", domain: null, key: "nodejs" },
    ]);
    expect(employers[0]!.id).toBe(employers[1]!.id);
    expect(await rows("MATCH (c:Company {workspace: $workspace, domain: 'node.js'}) RETURN c.id AS id")).toEqual([]);
  });

  it("refuse a profile URL that is another person's, at its line and column", async () => {
    const text = "First Name,Last Name,Email,LinkedIn URL\nImpostor,X,impostor@x.example,https://linkedin.com/in/caralind\n";
    const summary = await ingestContacts(db, text, { workspace, user: null });
    expect(summary.invalid.listed).toEqual([{ line: 2, column: "LinkedIn URL", message: "https://linkedin.com/in/caralind is already the profile of cara@hooli.example" }]);
  });
});

describe("over HTTP, possible duplicates and merges", () => {
  it("takes a file from an EDITOR as the caller's, answers 400 with the bad rows, and refuses a READER", async () => {
    const server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey" });
    try {
      const editor = bearer((await createApiKey(db, { workspace, email: user, role: "EDITOR" })).key);
      const reader = bearer((await createApiKey(db, { workspace, email: user, role: "READER" })).key);
      const base = server.url.replace(/\/graphql$/, "");
      const send = (body: string, headers: Record<string, string>, query = "") =>
        fetch(`${base}/ingest/contacts${query}`, { method: "POST", headers: { "content-type": "text/csv", ...headers }, body });
      expect((await send(file("salesforce-contacts.csv"), reader)).status).toBe(403);
      const bad = await send(file("linkedin-bad-rows.csv"), editor);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ format: "linkedin", written: false, invalid: { count: 3 } });

      const crm = await send("First Name,Last Name,Email,Company\r\nJane,Doe,jane@acme.example,Acme Inc\r\n", editor, "?format=csv");
      expect(crm.status).toBe(200);
      const query = `query($after: String) { possibleDuplicates(first: 1, after: $after) {
        edges { cursor node { a { name email profileUrl } b { name email profileUrl } reasons } } pageInfo { hasNextPage endCursor } } }`;
      const { data, errors } = await gql(server.url, query, {}, editor);
      expect(errors).toBeUndefined();
      const [pair] = data!.possibleDuplicates.edges;
      expect([pair.node.a.email, pair.node.b.email].sort()).toEqual(["jane@acme.example", null]);
      expect(pair.node.reasons).toEqual(["same name at the same company", "same name, one known by email and the other by profile URL"]);
      const next = await gql(server.url, query, { after: data!.possibleDuplicates.pageInfo.endCursor }, editor);
      expect(next.data!.possibleDuplicates).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

      // Merging them: the profile URL, the connection and the employer move onto the kept record, once.
      const ids = Object.fromEntries((await rows("MATCH (p:Person {workspace: $workspace}) WHERE p.name = 'Jane Doe' RETURN coalesce(p.email, 'url') AS key, p.id AS id"))
        .map((r) => [r.key, r.id]));
      const merge = `mutation($keep: ID!, $merge: ID!) { mergePeople(keep: $keep, merge: $merge) { id email profileUrl } }`;
      const merged = await gql(server.url, merge, { keep: ids["jane@acme.example"], merge: ids.url }, editor);
      expect(merged.data!.mergePeople).toEqual({ id: ids["jane@acme.example"], email: "jane@acme.example", profileUrl: "https://linkedin.com/in/jane-doe" });
      expect((await gql(server.url, merge, { keep: ids["jane@acme.example"], merge: ids.url }, editor)).data).toEqual(merged.data);
      expect(await rows(`MATCH (p:Person {workspace: $workspace, email: 'jane@acme.example'})-[k:KNOWS]-(u:Person {email: $user})
        MATCH (p)-[:WORKS_AT]->(c) RETURN k.strength AS strength, c.domain AS domain, startNode(k) = p AS janeFirst`, { user }))
        .toEqual([{ strength: 0.9, domain: "acme.example", janeFirst: true }]);
      expect((await gql(server.url, query, {}, editor)).data!.possibleDuplicates.edges).toEqual([]);

      // Someone known by profile URL alone takes part in the write API like anyone.
      const [li] = await rows("MATCH (p:Person {workspace: $workspace, profileUrl: 'https://linkedin.com/in/li-wei'}) RETURN p.id AS id");
      const met = await gql(server.url, `mutation($w: ID!) { recordInteraction(with: $w, kind: MEETING, at: "2026-11-20T10:00:00Z") { strength } }`, { w: li!.id }, editor);
      expect(met.errors).toBeUndefined();
      expect(met.data!.recordInteraction.strength).toBeGreaterThan(0.2);
      const concern = await gql(server.url, `mutation($p: ID!) { recordConcern(person: $p, topic: "Churn", statement: "Worried", at: "2026-11-20T10:00:00Z") { id } }`, { p: li!.id }, editor);
      expect(concern.errors).toBeUndefined();

      // Companies likewise; a record of another workspace is not found, never merged.
      const upserted = await gql(server.url, `mutation { upsertCompany(input: { domain: "initech-group.example", name: "Initech Group" }) { id } }`, {}, editor);
      const [initech] = await rows("MATCH (c:Company {workspace: $workspace, nameKey: 'initech'}) RETURN c.id AS id");
      const funded = await gql(server.url, `mutation($c: ID!) { recordCompanyEvent(company: $c, type: FUNDING, at: "2026-10-01T00:00:00Z") { id } }`, { c: initech!.id }, editor);
      expect(funded.errors).toBeUndefined();
      const mergeCompanies = `mutation($keep: ID!, $merge: ID!) { mergeCompanies(keep: $keep, merge: $merge) { domain name } }`;
      const companies = await gql(server.url, mergeCompanies, { keep: upserted.data!.upsertCompany.id, merge: initech!.id }, editor);
      expect(companies.data!.mergeCompanies).toEqual({ domain: "initech-group.example", name: "Initech Group" });
      // Its event moved, and with it what the event adds to the company's evidence bound (src/scoring.ts).
      const initechBound = (await companyEventBounds(driver, workspace)).get("initech-group.example")!;
      expect([roundedBound(initechBound.stored), roundedBound(initechBound.summed)]).toEqual([roundedBound(eventBound("2026-10-01T00:00:00Z")), roundedBound(eventBound("2026-10-01T00:00:00Z"))]);
      expect(await rows("MATCH (p:Person {workspace: $workspace})-[:WORKS_AT]->(:Company {domain: 'initech-group.example'}) RETURN p.name AS name ORDER BY name"))
        .toEqual([{ name: "Li Wei" }, { name: "Sofia Rossi" }]);
      // Their employers' event bounds were summed again: the event counts once for each of them.
      const people = await evidenceBounds(driver, workspace);
      for (const [key, { stored, summed }] of people) expect([key, roundedBound(stored.employerEvents)]).toEqual([key, roundedBound(summed.employerEvents)]);
      expect(roundedBound(people.get("https://linkedin.com/in/li-wei")!.stored.employerEvents)).toBe(roundedBound(eventBound("2026-10-01T00:00:00Z")));
      const elsewhere = uniqueWorkspace("contacts-elsewhere");
      expect((await importGraphDocument(db, { version: 2, people: [{ email: "jane@acme.example" }] }, { workspace: elsewhere })).ok).toBe(true);
      const [other] = (await driver.executeQuery("MATCH (p:Person {workspace: $elsewhere}) RETURN p.id AS id", { elsewhere }, { database: testTarget().database })).records;
      const refused = await gql(server.url, merge, { keep: ids["jane@acme.example"], merge: other!.get("id") }, editor);
      await wipeWorkspace(driver, elsewhere);
      expect(refused.errors?.map((e) => e.extensions.code)).toEqual(["NOT_FOUND"]);
    } finally {
      await server.stop();
    }
  });
});

describe("the graph document", () => {
  it("carries the new keys: export → import into an empty workspace → export is the same document", async () => {
    const first = await exported(workspace);
    expect(first.version).toBe(2);
    const result = await importGraphDocument(db, first, { workspace: copy });
    expect(result.ok).toBe(true);
    expect(await exported(copy)).toEqual(first);
  });
});
