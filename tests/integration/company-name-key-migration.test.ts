/**
 * Migration 011 gives companies written before name keys existed the key
 * companyNameKey gives their name: the migration computes it in Cypher, so
 * the two are compared over tricky and generated names (accents, case,
 * punctuation, "&", legal forms with and without dots, a name that is
 * nothing but a legal form). Afterwards a contacts file naming such a
 * company another way finds it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Random } from "../../seed/generator/random.js";
import { readMigrations } from "../../src/db/migrate.js";
import { companyNameKey } from "../../src/graph-document/normalize.js";
import { ingestContacts } from "../../src/ingest/contacts/ingest-contacts.js";
import { testDb, testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const driver = testDriver();
const db = testDb(driver);
const workspace = uniqueWorkspace("name-key-migration");
const { database } = testTarget();

const FIXED = [
  "Acme, Inc.", "ACME Inc", "Société Générale S.A.", "Procter & Gamble", "AG", "Müller GmbH", "Acme Co., Ltd.", "Booking.com", "Ærø Labs",
  "  Blue -- Sky  L.L.C. ", "S.à r.l.", "360 One Co Inc", "Zürich/Nord, KG", "Ünïcödé Ltd.", "İstanbul Data A.Ş.", "Œuvre & Co.", "—",
];
const PIECES = ["Acme", "globex", "Société", "MÜLLER", "Ærø", "Data", "&", "and", "Inc.", "Ltd", "GmbH", "S.A.", "Co.", "360", "-", ",", "/", "é", "İ", "ß", "Straße"];

function generatedNames(count: number): string[] {
  const random = new Random(11, "name-keys");
  return Array.from({ length: count }, () => Array.from({ length: random.int(1, 5) }, () => random.pick(PIECES)).join(random.pick([" ", "", ", ", "  "])));
}

const names = [...new Set([...FIXED, ...generatedNames(200)])];

beforeAll(async () => {
  // Written as before 010-contacts: a name, no name key; one has a key already, which stays.
  await driver.executeQuery("UNWIND range(0, size($names) - 1) AS i CREATE (:Company {workspace: $workspace, id: $workspace + '-' + i, name: $names[i]})",
    { workspace, names }, { database });
  await driver.executeQuery("CREATE (:Company {workspace: $workspace, id: $workspace + '-kept', name: 'Kept Ltd', nameKey: 'set by hand'})", { workspace }, { database });
  await driver.executeQuery("CREATE (:Person {workspace: $workspace, id: $workspace + '-user', email: 'maya@ourco.example'})", { workspace }, { database });
  const migration = readMigrations().find((m) => m.name === "011-company-name-keys");
  expect(migration).toBeDefined();
  // As the migration runs: each statement on its own, outside an explicit transaction (CALL … IN TRANSACTIONS).
  const session = driver.session({ database });
  try {
    for (const statement of migration!.statements) await session.run(statement);
  } finally {
    await session.close();
  }
});

afterAll(async () => {
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

describe("migration 011: name keys for companies written before them", () => {
  it("gives every company the key companyNameKey gives its name, and leaves a key already set", async () => {
    const { records } = await driver.executeQuery("MATCH (c:Company {workspace: $workspace}) RETURN c.name AS name, c.nameKey AS key", { workspace }, { database });
    const stored = new Map(records.map((r) => [r.get("name") as string, r.get("key") as string]));
    expect(stored.get("Kept Ltd")).toBe("set by hand");
    const differing = names.filter((name) => stored.get(name) !== companyNameKey(name)).map((name) => ({ name, cypher: stored.get(name), rule: companyNameKey(name) }));
    expect(differing).toEqual([]);
    expect(stored.size).toBe(names.length + 1);
  });

  it("lets a contacts file find such a company under another spelling", async () => {
    const summary = await ingestContacts(db, "Email,Company\nana@x.example,\"SOCIETE GENERALE, SA\"\n", { workspace, user: null });
    expect(summary).toMatchObject({ valid: 1, written: true, companiesCreated: 0 });
    const { records } = await driver.executeQuery("MATCH (:Person {workspace: $workspace, email: 'ana@x.example'})-[:WORKS_AT]->(c) RETURN c.name AS name", { workspace }, { database });
    expect(records.map((r) => r.get("name"))).toEqual(["Société Générale S.A."]);
  });
});
