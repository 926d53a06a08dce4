/**
 * Signing in, through HTTP against real servers: API keys and JWTs (HS256
 * secret, RS256 PEM key, local JWKS), every way a credential can be wrong,
 * production's refusals, and dev mode. The role rule for mutations is pinned
 * in tests/unit/roles-plugin.test.ts: this branch's schema has no Mutation.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USER_EMAIL } from "../../seed/demo-story.js";
import { createApiKey, revokeApiKey } from "../../src/auth/api-keys.js";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { runScript, testNeo4jEnv } from "../support/cli.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, post, startTestServer, type TestServer } from "../support/server.js";
import { startServerProcess } from "../support/server-process.js";

const workspace = uniqueWorkspace("auth");
const driver = testDriver();
const db = testDb(driver);
const SECRET = randomBytes(32).toString("hex");
const ISSUER = "https://sso.test.example";
const AUDIENCE = "rapport-test";
const VIEWER = { query: "{ viewer { email name } }" };
const REP = { data: { viewer: { email: "rep@ourco.example", name: "Riley Rep" } } };
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-auth-"));
let production: TestServer;
let rsaPrivateKey: CryptoKey;

beforeAll(async () => {
  const graph = smallGraph();
  graph.people.push({ email: DEMO_USER_EMAIL, name: "Maya Chen", title: "Account Executive" });
  expect((await importGraphDocument(db, graph, { workspace })).ok).toBe(true);
  production = await startTestServer(`${workspace}-unused`, undefined, {
    NODE_ENV: "production", RAPPORT_AUTH: "jwt", RAPPORT_JWT_ISSUER: ISSUER, RAPPORT_JWT_AUDIENCE: AUDIENCE, RAPPORT_JWT_SECRET: SECRET,
  });
  const pair = await generateKeyPair("RS256", { extractable: true });
  rsaPrivateKey = pair.privateKey;
  fs.writeFileSync(path.join(keyDir, "public.pem"), await exportSPKI(pair.publicKey));
  fs.writeFileSync(path.join(keyDir, "jwks.json"), JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256" }] }));
});

afterAll(async () => {
  await production.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
  fs.rmSync(keyDir, { recursive: true, force: true });
});

function token(claims: Record<string, unknown> = {}, options: { secret?: string; issuer?: string; audience?: string; expires?: string | number } = {}) {
  return new SignJWT({ workspace, email: "Rep@OurCo.example", role: "READER", ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? "5m")
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

async function refused(server: TestServer, headers: Record<string, string>, message: string | RegExp) {
  const response = await post(server.url, VIEWER, headers);
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toBe('Bearer realm="rapport"');
  expect(response.body).toMatchObject({ errors: [{ message: typeof message === "string" ? message : expect.stringMatching(message), extensions: { code: "UNAUTHENTICATED" } }] });
  expect(response.body).not.toHaveProperty("data");
}

describe("in production", () => {
  it("answers a request without credentials with HTTP 401 UNAUTHENTICATED", async () => {
    await refused(production, {}, "sign in: send `Authorization: Bearer <API key or token>`");
  });

  it("refuses malformed Authorization headers", async () => {
    for (const authorization of ["Basic cmVwOnNlY3JldA==", "Bearer", "Bearer two words", "Token abc"]) {
      await refused(production, { authorization }, "the Authorization header must be `Bearer <API key or token>`");
    }
    await refused(production, bearer("rpk_short"), "unknown or revoked API key");
    await refused(production, bearer("not-a-jwt"), "the token is not a valid JWT for this server");
  });

  it("signs in with an API key, as its email in its workspace, and refuses unknown and revoked keys", async () => {
    const { key, record } = await createApiKey(db, { workspace, email: "rep@ourco.example", role: "READER" });
    expect((await post(production.url, VIEWER, bearer(key))).body).toEqual(REP);
    await refused(production, bearer(`rpk_${randomBytes(32).toString("base64url")}`), "unknown or revoked API key");
    await revokeApiKey(db, record.id);
    await refused(production, bearer(key), "unknown or revoked API key");
  });

  it("signs in with a JWT, taking workspace, email and role from its claims", async () => {
    expect((await post(production.url, VIEWER, bearer(await token()))).body).toEqual(REP);
  });

  it("refuses expired, wrong-audience, wrong-issuer, wrongly signed and unsigned JWTs", async () => {
    await refused(production, bearer(await token({}, { expires: Math.floor(Date.now() / 1000) - 60 })), "the token has expired");
    await refused(production, bearer(await token({}, { audience: "someone-else" })), "the token's aud claim is not accepted here");
    await refused(production, bearer(await token({}, { issuer: "https://evil.example" })), "the token's iss claim is not accepted here");
    await refused(production, bearer(await token({}, { secret: randomBytes(32).toString("hex") })), "the token's signature does not verify");
    const unsigned = new UnsecuredJWT({ workspace, email: "rep@ourco.example", role: "ADMIN" }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime("5m").encode();
    await refused(production, bearer(unsigned), "the token is not a valid JWT for this server");
  });

  it("refuses JWTs without an expiry, or without valid workspace, email and role claims", async () => {
    const noExpiry = await new SignJWT({ workspace, email: "rep@ourco.example", role: "READER" })
      .setProtectedHeader({ alg: "HS256" }).setIssuer(ISSUER).setAudience(AUDIENCE).sign(new TextEncoder().encode(SECRET));
    await refused(production, bearer(noExpiry), "the token's exp claim is not accepted here");
    for (const claims of [{ role: "SUPERUSER" }, { role: undefined }, { email: "nobody" }, { workspace: "" }]) {
      await refused(production, bearer(await token(claims)), /^the token needs a workspace \(workspace\), an email \(email\) and a role/);
    }
  });

  it("refuses to start without an auth configuration, or in dev mode", async () => {
    for (const env of [{ NODE_ENV: "production" }, { NODE_ENV: "production", RAPPORT_AUTH: "dev" }]) {
      const started = await runScript("src/main.ts", [], env);
      expect(started.code).toBe(1);
      expect(started.stderr).toContain("RAPPORT_AUTH: production needs RAPPORT_AUTH=apikey or RAPPORT_AUTH=jwt");
    }
  });
});

describe("RS256 JWTs", () => {
  const rs256 = (claims: Record<string, unknown> = {}) =>
    new SignJWT({ workspace, email: "rep@ourco.example", role: "EDITOR", ...claims })
      .setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime("5m").sign(rsaPrivateKey);

  for (const [source, variable] of [["a PEM public key", "RAPPORT_JWT_PUBLIC_KEY_FILE"], ["a local JWKS", "RAPPORT_JWT_JWKS_FILE"]] as const) {
    it(`verifies them against ${source}, and refuses an HS256 token signed with the public key`, async () => {
      const file = path.join(keyDir, variable === "RAPPORT_JWT_PUBLIC_KEY_FILE" ? "public.pem" : "jwks.json");
      const server = await startTestServer(`${workspace}-unused`, undefined, {
        NODE_ENV: "production", RAPPORT_AUTH: "jwt", RAPPORT_JWT_ISSUER: ISSUER, RAPPORT_JWT_AUDIENCE: AUDIENCE, [variable]: file,
      });
      try {
        expect((await post(server.url, VIEWER, bearer(await rs256()))).body).toEqual(REP);
        // The classic algorithm confusion: an HS256 token keyed with the public key's bytes.
        await refused(server, bearer(await token({}, { secret: fs.readFileSync(path.join(keyDir, "public.pem"), "utf8") })), "the token is not a valid JWT for this server");
      } finally {
        await server.stop();
      }
    });
  }
});

describe("in dev mode", () => {
  let dev: TestServer;
  beforeAll(async () => {
    dev = await startTestServer(workspace);
  });
  afterAll(async () => {
    await dev.stop();
  });

  it("serves a request without credentials as the demo user of the served workspace", async () => {
    expect((await post(dev.url, VIEWER)).body).toEqual({ data: { viewer: { email: DEMO_USER_EMAIL, name: "Maya Chen" } } });
  });

  it("still verifies a credential that is sent", async () => {
    await refused(dev, bearer(`rpk_${randomBytes(32).toString("base64url")}`), "unknown or revoked API key");
    await refused(dev, bearer("eyJhbGciOiJIUzI1NiJ9.e30.x"), "not an API key (they start with rpk_), and this server accepts no JWTs");
    const { key } = await createApiKey(db, { workspace, email: "erin@contoso.example", role: "READER" });
    expect((await post(dev.url, VIEWER, bearer(key))).body).toEqual({ data: { viewer: { email: "erin@contoso.example", name: "Erin Avery" } } });
  });

  it("gives a null viewer when the signed-in email has no person", async () => {
    const { key } = await createApiKey(db, { workspace, email: "new.hire@ourco.example", role: "READER" });
    expect((await post(dev.url, VIEWER, bearer(key))).body).toEqual({ data: { viewer: null } });
  });
});

const DEEP_QUERY = '{ person(email: "x") { company { employees { company { employees { company { employees { company { employees { company { name } } } } } } } } } } }';

describe("npm start", () => {
  it("runs in dev mode when nothing is configured, and says so in a warning at start", async () => {
    const server = await startServerProcess({ ...testNeo4jEnv(), RAPPORT_WORKSPACE: workspace, RAPPORT_SEED_DEMO: "false", RAPPORT_WARM_PLANS_SECONDS: "0" });
    const url = `${server.origin}/graphql`;
    try {
      const lines = server.lines();
      expect(lines).toContainEqual(expect.objectContaining({
        level: 40,
        msg: `RAPPORT_AUTH=dev: requests without credentials act as the demo user of workspace "${workspace}" with the ADMIN role; never use this outside development`,
      }));
      const answer = await post(url, VIEWER);
      expect(answer.body).toEqual({ data: { viewer: { email: DEMO_USER_EMAIL, name: "Maya Chen" } } });
      // Under tsx, as under vitest, our errors and Apollo's must be one graphql's: else the 401 would be a 500.
      const refusal = await post(url, VIEWER, bearer("rpk_unknown"));
      expect(refusal.status).toBe(401);
      const deep = await post(url, { query: DEEP_QUERY });
      expect(deep.status).toBe(400);
      expect(deep.body).toMatchObject({ errors: [{ extensions: { code: "QUERY_TOO_DEEP" } }] });
    } finally {
      server.process.kill("SIGTERM");
    }
  });
});
