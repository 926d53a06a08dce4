/**
 * The Cypher catalogue: every named query in cypher/<area>/<name>.cypher,
 * loaded once at boot. The names the code may run are listed in
 * query-names.ts; a listed name without a file, or a file no name lists,
 * stops boot — so a typo or a forgotten file never waits for a request to
 * surface. Migrations (cypher/migrations) are read by migrate.ts instead.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config.js";
import { QUERY_NAMES, type QueryName } from "./query-names.js";

export const CYPHER_DIR = path.join(PROJECT_ROOT, "cypher");

export class CypherCatalogue {
  private constructor(private readonly statements: ReadonlyMap<QueryName, string>) {}

  static load(dir: string = CYPHER_DIR): CypherCatalogue {
    const files = new Map<string, string>();
    for (const file of cypherFiles(dir)) {
      const name = path.relative(dir, file).replace(/\\/g, "/").replace(/\.cypher$/, "");
      if (!name.startsWith("migrations/")) files.set(name, fs.readFileSync(file, "utf8"));
    }
    const known = new Set<string>(QUERY_NAMES);
    const missing = QUERY_NAMES.filter((name) => !files.has(name));
    const unlisted = [...files.keys()].filter((name) => !known.has(name));
    if (missing.length > 0 || unlisted.length > 0) {
      throw new Error(
        [
          ...missing.map((name) => `missing Cypher file: cypher/${name}.cypher`),
          ...unlisted.map((name) => `cypher/${name}.cypher is not listed in src/db/query-names.ts`),
        ].join("\n"),
      );
    }
    return new CypherCatalogue(new Map(QUERY_NAMES.map((name) => [name, files.get(name) as string])));
  }

  get(name: QueryName): string {
    const text = this.statements.get(name);
    if (text === undefined) throw new Error(`unknown query ${name}`);
    return text;
  }
}

function cypherFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".cypher"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
