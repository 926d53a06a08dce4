import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("gives sane defaults and uses the local Neo4j when NEO4J_URI is not set", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.externalNeo4j).toBeUndefined();
    expect(config.localNeo4j.boltPort).toBe(7687);
    expect(config.localNeo4j.homeDir).toMatch(/\.data\/neo4j$/);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("takes any Bolt or routing URI with its credentials", () => {
    const config = loadConfig({ NEO4J_URI: "neo4j+s://abc.databases.example:7687", NEO4J_PASSWORD: "pw", NEO4J_DATABASE: "crm" });
    expect(config.externalNeo4j).toEqual({ uri: "neo4j+s://abc.databases.example:7687", username: "neo4j", password: "pw", database: "crm" });
  });

  it("treats an empty NEO4J_URI as not set", () => {
    expect(loadConfig({ NEO4J_URI: "" }).externalNeo4j).toBeUndefined();
  });

  it("names every bad variable in one error", () => {
    expect(() => loadConfig({ PORT: "eighty", NEO4J_URI: "http://localhost:7474", NEO4J_HEAP: "lots" })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: "eighty", NEO4J_URI: "http://localhost:7474", NEO4J_HEAP: "lots" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT:");
      expect(message).toContain("NEO4J_URI: expected a bolt://");
      expect(message).toContain("NEO4J_HEAP: expected a size such as 512m or 4g");
    }
  });
});
