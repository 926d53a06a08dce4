import { describe, expect, it } from "vitest";
import { readMigrations, splitStatements } from "../../src/db/migrate.js";

describe("splitStatements", () => {
  it("splits on a semicolon that ends a line and drops comment lines", () => {
    const text = "// header\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n// why\nCREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y);\n";
    expect(splitStatements(text)).toEqual([
      "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
      "CREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.y)",
    ]);
  });

  it("keeps a semicolon inside a line, e.g. in a string", () => {
    expect(splitStatements("RETURN 'a;b' AS x;")).toEqual(["RETURN 'a;b' AS x"]);
  });
});

describe("readMigrations", () => {
  it("reads the project's migrations in order, constraints first", () => {
    const names = readMigrations().map((migration) => migration.name);
    expect(names[0]).toBe("001-constraints");
    expect(names).toEqual([...names].sort());
  });
});
