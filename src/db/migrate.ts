/**
 * Schema migrations: cypher/migrations/NNN-name.cypher, applied in name order,
 * once each, recorded as (:Migration {name, checksum, appliedAt}). Statements
 * in a file are separated by a `;` that ends a line, and each runs on its own
 * (Neo4j does not mix schema and data changes in one transaction), so every
 * statement must be safe to run again (IF NOT EXISTS) should a file fail half
 * way. A migration edited after it was applied stops start-up: the database
 * would no longer match the files.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { CYPHER_DIR } from "./cypher.js";

export interface Migration {
  name: string;
  checksum: string;
  statements: string[];
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function readMigrations(dir: string = path.join(CYPHER_DIR, "migrations")): Migration[] {
  return fs.readdirSync(dir)
    .filter((file) => /^\d{3}-[\w-]+\.cypher$/.test(file))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      return { name: file.replace(/\.cypher$/, ""), checksum: sha256(text), statements: splitStatements(text) };
    });
}

export async function applyMigrations(driver: Driver, database: string | undefined, migrations: Migration[] = readMigrations()): Promise<MigrationReport> {
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    const applied = new Map<string, string>();
    const rows = await session.run("MATCH (m:Migration) RETURN m.name AS name, m.checksum AS checksum");
    for (const row of rows.records) applied.set(row.get("name"), row.get("checksum"));

    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(`migration ${migration.name} was changed after it was applied; add a new migration instead of editing it`);
        }
        report.alreadyApplied.push(migration.name);
        continue;
      }
      for (const [index, statement] of migration.statements.entries()) {
        try {
          await session.run(statement);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new MigrationError(`migration ${migration.name} failed at statement ${index + 1}: ${reason}`);
        }
      }
      await session.run("MERGE (m:Migration {name: $name}) SET m.checksum = $checksum, m.appliedAt = datetime()", {
        name: migration.name,
        checksum: migration.checksum,
      });
      report.applied.push(migration.name);
    }
    await session.run("CALL db.awaitIndexes(300)");
    return report;
  } finally {
    await session.close();
  }
}

export function splitStatements(text: string): string[] {
  return text
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((chunk) => chunk.split(/\r?\n/).filter((line) => !/^\s*\/\//.test(line)).join("\n").trim())
    .filter((statement) => statement.length > 0);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
