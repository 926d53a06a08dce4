/**
 * The Cypher catalogue: every named query in cypher/<area>/<name>.cypher,
 * loaded once at boot. The names the code may run are listed in
 * query-names.ts; a listed name without a file, or a file no name lists,
 * stops boot — so a typo or a forgotten file never waits for a request to
 * surface. Migrations (cypher/migrations) are read by migrate.ts instead, and
 * filter fragments (cypher/filters) by src/filters/fragments.ts, through the
 * same loader with a list of their own.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config.js";
import { QUERY_NAMES, type QueryName } from "./query-names.js";

export const CYPHER_DIR = path.join(PROJECT_ROOT, "cypher");

export class CypherCatalogue<Name extends string = QueryName> {
  private constructor(private readonly statements: ReadonlyMap<Name, string>) {}

  /** The named queries of cypher/ (all but migrations and filter fragments). */
  static load(dir: string = CYPHER_DIR): CypherCatalogue<QueryName> {
    return CypherCatalogue.loadListed(dir, QUERY_NAMES, "src/db/query-names.ts", ["migrations/", "filters/"]);
  }

  /** The .cypher files under `dir` (but those under `skip`), which must be exactly `names`. */
  static loadListed<N extends string>(dir: string, names: readonly N[], listedIn: string, skip: string[] = []): CypherCatalogue<N> {
    const files = new Map<string, string>();
    for (const file of cypherFiles(dir)) {
      const name = path.relative(dir, file).replace(/\\/g, "/").replace(/\.cypher$/, "");
      if (!skip.some((prefix) => name.startsWith(prefix))) files.set(name, fs.readFileSync(file, "utf8"));
    }
    const known = new Set<string>(names);
    const missing = names.filter((name) => !files.has(name));
    const unlisted = [...files.keys()].filter((name) => !known.has(name));
    if (missing.length > 0 || unlisted.length > 0) {
      const shown = dir.startsWith(PROJECT_ROOT) ? path.relative(PROJECT_ROOT, dir).replace(/\\/g, "/") : dir;
      throw new Error(
        [
          ...missing.map((name) => `missing Cypher file: ${shown}/${name}.cypher`),
          ...unlisted.map((name) => `${shown}/${name}.cypher is not listed in ${listedIn}`),
        ].join("\n"),
      );
    }
    return new CypherCatalogue(new Map(names.map((name) => [name, files.get(name) as string])));
  }

  get(name: Name): string {
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
