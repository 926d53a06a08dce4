/**
 * What counts as an auth configuration, and the limits' settings: dev mode is
 * the default outside production and refused in production; JWTs need an
 * issuer, an audience and exactly one key source; limits may only be lowered.
 */
import { describe, expect, it } from "vitest";
import { assertServable, ConfigError, loadConfig, type Env } from "../../src/config.js";

const JWT = { RAPPORT_JWT_ISSUER: "https://sso.example", RAPPORT_JWT_AUDIENCE: "rapport" };
const SECRET = "s".repeat(32);

function problem(env: Env): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("auth settings", () => {
  it("defaults to dev mode outside production, with introspection on and no JWTs", () => {
    expect(loadConfig({}).auth).toEqual({ mode: "dev", jwt: undefined });
    expect(loadConfig({}).introspection).toBe(true);
  });

  it("will not serve production without RAPPORT_AUTH, or in dev mode; tools that serve nothing need neither", () => {
    for (const env of [{ NODE_ENV: "production" }, { NODE_ENV: "production", RAPPORT_AUTH: "dev" }]) {
      const config = loadConfig(env);
      expect(() => assertServable(config)).toThrowError(ConfigError);
      expect(() => assertServable(config)).toThrowError("RAPPORT_AUTH: production needs RAPPORT_AUTH=apikey or RAPPORT_AUTH=jwt");
    }
    expect(loadConfig({ NODE_ENV: "production" }).auth.mode).toBe("unset");
    expect(() => assertServable(loadConfig({ NODE_ENV: "production", RAPPORT_AUTH: "jwt", ...JWT, RAPPORT_JWT_SECRET: SECRET }))).not.toThrow();
    expect(() => assertServable(loadConfig({}))).not.toThrow();
    expect(loadConfig({ NODE_ENV: "production", RAPPORT_AUTH: "apikey" }).auth.mode).toBe("apikey");
    expect(loadConfig({ NODE_ENV: "production", RAPPORT_AUTH: "apikey" }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", RAPPORT_AUTH: "apikey", RAPPORT_INTROSPECTION: "true" }).introspection).toBe(true);
  });

  it("accepts JWTs with an issuer, an audience and exactly one key source", () => {
    expect(loadConfig({ RAPPORT_AUTH: "jwt", ...JWT, RAPPORT_JWT_SECRET: SECRET }).auth.jwt).toEqual({
      issuer: "https://sso.example", audience: "rapport", key: { kind: "secret", secret: SECRET },
      claims: { workspace: "workspace", email: "email", role: "role" }, clockToleranceSec: 5,
    });
    expect(loadConfig({ RAPPORT_AUTH: "apikey", ...JWT, RAPPORT_JWT_JWKS_FILE: "/keys/jwks.json", RAPPORT_JWT_ROLE_CLAIM: "rapport_role" }).auth.jwt)
      .toMatchObject({ key: { kind: "jwks-file", file: "/keys/jwks.json" }, claims: { role: "rapport_role" } });
    expect(problem({ RAPPORT_AUTH: "jwt" })).toMatch(/RAPPORT_JWT_ISSUER: required[\s\S]*RAPPORT_JWT_AUDIENCE: required[\s\S]*give exactly one of/);
    expect(problem({ ...JWT, RAPPORT_JWT_SECRET: SECRET, RAPPORT_JWT_PUBLIC_KEY_FILE: "/k.pem" })).toContain("give exactly one of RAPPORT_JWT_SECRET");
    expect(problem({ RAPPORT_JWT_SECRET: "short" })).toContain("RAPPORT_JWT_SECRET: expected at least 32 characters");
  });

  it("reads the limits, which may be lowered but not raised past what resolvers and Cypher assume", () => {
    expect(loadConfig({}).limits).toEqual({ maxDepth: 10, maxCost: 10_000, maxFirst: 100, maxHops: 4, maxBatch: 1, maxExpensiveFields: 4 });
    expect(loadConfig({
      RAPPORT_MAX_DEPTH: "6", RAPPORT_MAX_COST: "500", RAPPORT_MAX_FIRST: "50", RAPPORT_MAX_HOPS: "2", RAPPORT_MAX_BATCH: "5", RAPPORT_MAX_EXPENSIVE_FIELDS: "2",
    }).limits).toEqual({ maxDepth: 6, maxCost: 500, maxFirst: 50, maxHops: 2, maxBatch: 5, maxExpensiveFields: 2 });
    expect(problem({ RAPPORT_MAX_HOPS: "9" })).toContain("RAPPORT_MAX_HOPS:");
    expect(problem({ RAPPORT_MAX_FIRST: "1000" })).toContain("RAPPORT_MAX_FIRST:");
  });
});
