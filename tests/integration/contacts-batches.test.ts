/**
 * A contacts file written in many small batches, two in flight at once
 * (src/ingest/contacts/write-contacts.ts): rows go to lanes by company, and
 * Globex and Initech fall in different lanes, so a batch of each is in
 * flight at once; they share the user, and each reports what it made after
 * the other may have. The summary counts every batch's writes, each person
 * is linked once, and a connection that was there before keeps its strength.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { ingestContacts } from "../../src/ingest/contacts/ingest-contacts.js";
import { fingerprint } from "../support/fingerprint.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const workspace = uniqueWorkspace("contacts-batches");
const driver = testDriver();
const db = testDb(driver);
const user = "maya@ourco.example";
const known = "https://linkedin.com/in/kim-known";

/** Nine connections at two companies, each written three ways; Kim is already a strong connection of the user. */
const EXPORT = [
  "Notes:",
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  "",
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  "Ada,Ames,https://www.linkedin.com/in/ada-ames,,Globex,Engineer,14 Mar 2024",
  "Ben,Bose,https://www.linkedin.com/in/ben-bose,ben@mail.example,\"Globex, Inc.\",CTO,02 Jan 2023",
  "Cy,Chu,https://www.linkedin.com/in/cy-chu,,Initech LLC,Buyer,21 Jun 2022",
  "Kim,Known,https://www.linkedin.com/in/kim-known/,,GLOBEX INC,VP Sales,05 May 2021",
  "Dee,Diaz,https://www.linkedin.com/in/dee-diaz,,Initech,Engineer,30 Sep 2020",
  "Eli,Eng,https://www.linkedin.com/in/eli-eng,eli@mail.example,initech,Buyer,11 Nov 2019",
  "Fay,Fox,https://www.linkedin.com/in/fay-fox,,Globex,Engineer,01 Feb 2024",
  "Gus,Gil,https://www.linkedin.com/in/gus-gil,,Initech LLC,CTO,09 Aug 2025",
  "Hal,Ho,https://www.linkedin.com/in/hal-ho,,Globex,Buyer,17 Oct 2025",
].join("\r\n");

const ingestInPairs = () => ingestContacts(db, EXPORT, { workspace, user, batchSize: 2 });

async function rows(cypher: string) {
  const { records } = await driver.executeQuery(cypher, { workspace, user });
  return records.map((r) => r.toObject());
}

beforeAll(async () => {
  const setup = await importGraphDocument(db, {
    version: 2,
    people: [{ email: user, name: "Maya" }, { profileUrl: known, name: "Kim Known" }],
    connections: [{ a: user, b: known, strength: 0.9 }],
    users: [{ email: user }],
  }, { workspace });
  expect(setup.ok).toBe(true);
});

afterAll(async () => {
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

describe("a contacts file in batches of two", () => {
  it("counts what every batch made, and links each person once", async () => {
    const summary = await ingestInPairs();
    expect(summary).toMatchObject({ rows: 9, valid: 9, written: true, peopleCreated: 8, companiesCreated: 2, connectionsCreated: 8 });
    const linked = await rows(`
      MATCH (u:Person {workspace: $workspace, email: $user})-[k:KNOWS]-(p:Person)
      RETURN p.profileUrl AS profile, k.strength AS strength, COUNT { (p)-[:WORKS_AT]->() } AS jobs, COUNT { (p)-[:KNOWS]-(u) } AS connections
      ORDER BY profile`);
    expect(linked).toHaveLength(9);
    expect(linked.every((p) => Number(p.jobs) === 1 && Number(p.connections) === 1)).toBe(true);
    expect(linked.find((p) => p.profile === known)?.strength).toBe(0.9);
    const companies = await rows("MATCH (c:Company {workspace: $workspace}) RETURN c.nameKey AS company, COUNT { (c)<-[:WORKS_AT]-() } AS staff ORDER BY company");
    expect(companies.map((c) => [c.company, Number(c.staff)])).toEqual([["globex", 5], ["initech", 4]]);
  });

  it("changes nothing when the same file is read again", async () => {
    const before = await fingerprint(driver, workspace);
    expect(await ingestInPairs()).toMatchObject({ peopleCreated: 0, companiesCreated: 0, connectionsCreated: 0, written: true });
    expect(await fingerprint(driver, workspace)).toBe(before);
  });
});
