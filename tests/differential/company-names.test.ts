/**
 * Company-name identity, differentially: generated names — a few dozen
 * companies, each written several ways (case, commas and dashes, extra spaces,
 * accents dropped, "&" or "and", legal forms with and without dots) — read
 * from a contacts file into a real Neo4j, one person per spelling, must land
 * on exactly the companies an independent reading of the rule
 * (tests/support/in-memory/company-names.ts) groups them into: no two
 * spellings of one company apart, no two companies together.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Random } from "../../seed/generator/random.js";
import { ingestContacts } from "../../src/ingest/contacts/ingest-contacts.js";
import { sameCompanyKey } from "../support/in-memory/company-names.js";
import { testDb, testDriver, testTarget, uniqueWorkspace, wipeWorkspace } from "../support/db.js";

const SEEDS = [1, 2];
const driver = testDriver();
const db = testDb(driver);
const workspaces: string[] = [];

afterAll(async () => {
  for (const workspace of workspaces) await wipeWorkspace(driver, workspace);
  await driver.close();
});

const WORDS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Société", "Générale", "Müller", "Nord", "Data", "Systems", "Procter", "Gamble",
  "Blue", "Sky", "Co", "Works", "Zürich", "Ærø", "Labs", "AG", "One", "360"];
const LEGAL = ["Inc.", "Inc", "Incorporated", "Ltd", "Ltd.", "Limited", "LLC", "L.L.C.", "GmbH", "AG", "S.A.", "SA", "Corp.", "Co.", "PLC", "S.à r.l."];

function baseName(random: Random): string {
  const words = Array.from({ length: random.int(1, 3) }, () => random.pick(WORDS));
  if (words.length > 1 && random.chance(0.2)) words.splice(1, 0, random.pick(["&", "and"]));
  return words.join(" ");
}

/** The same company written another way. */
function spelling(base: string, legal: string | null, random: Random): string {
  let name = base;
  if (random.chance(0.3)) name = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (random.chance(0.3)) name = name.replace(/ & /g, " and ");
  if (random.chance(0.3)) name = name.replace(/ and /g, " & ");
  name = [...name].map((c) => (random.chance(0.3) ? (random.chance(0.5) ? c.toUpperCase() : c.toLowerCase()) : c)).join("");
  if (random.chance(0.3)) name = name.replace(/ /g, random.pick([" - ", "  ", ", ", "/"]));
  if (legal !== null && random.chance(0.7)) name = `${name}${random.pick([" ", ", ", " "])}${legal}`;
  return random.chance(0.2) ? ` ${name} ` : name;
}

function csv(rows: string[][]): string {
  return rows.map((row) => row.map((v) => `"${v.replace(/"/g, '""')}"`).join(",")).join("\r\n");
}

describe("company names, generated", () => {
  it.each(SEEDS)("seed %i: the graph groups spellings as the independent rule does", async (seed) => {
    const workspace = uniqueWorkspace(`company-names-${seed}`);
    workspaces.push(workspace);
    const random = new Random(seed, "company-names");
    const rows: string[][] = [["First Name", "Last Name", "Email", "Company"]];
    const spellings = new Map<string, string>();
    for (let c = 0; c < 40; c += 1) {
      const base = baseName(random);
      const legal = random.chance(0.7) ? random.pick(LEGAL) : null;
      for (let s = 0; s < random.int(1, 4); s += 1) {
        const email = `p${c}-${s}@people.example`;
        const name = spelling(base, legal, random);
        spellings.set(email, name);
        rows.push(["P", `${c}-${s}`, email, name]);
      }
    }
    const summary = await ingestContacts(db, csv(rows), { workspace, user: null });
    expect(summary.invalid.listed).toEqual([]);

    const { records } = await driver.executeQuery(
      "MATCH (p:Person {workspace: $workspace})-[:WORKS_AT]->(c:Company) RETURN p.email AS email, c.id AS company",
      { workspace }, { database: testTarget().database });
    expect(records).toHaveLength(spellings.size);
    const groups = (keyOf: (email: string) => string) => {
      const by = new Map<string, string[]>();
      for (const email of spellings.keys()) by.set(keyOf(email), [...(by.get(keyOf(email)) ?? []), email]);
      return [...by.values()].map((g) => g.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
    };
    const stored = new Map(records.map((r) => [r.get("email") as string, r.get("company") as string]));
    expect(groups((email) => stored.get(email)!)).toEqual(groups((email) => sameCompanyKey(spellings.get(email)!)));
  });
});
