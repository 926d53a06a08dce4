/**
 * `npm run apikey` against the real Neo4j: create prints a key once and
 * stores only its SHA-256; list shows the key's owner and state but never a
 * key or hash; revoke takes effect on the very next request, which a server
 * running in API-key mode then refuses.
 */
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { importGraphDocument } from "../../src/graph-document/import.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { runScript, testNeo4jEnv } from "../support/cli.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, post, startTestServer } from "../support/server.js";

const workspace = uniqueWorkspace("apikey-cli");
const driver = testDriver();

afterAll(async () => {
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

// As an operator would run it on a production host: tools serve no requests, so they need no RAPPORT_AUTH.
const apikey = (...args: string[]) => runScript("src/cli/apikey.ts", args, { ...testNeo4jEnv(), NODE_ENV: "production" });

describe("npm run apikey", () => {
  it("creates, lists and revokes a key, and a revoked key stops working at once", async () => {
    expect((await importGraphDocument(testDb(driver), smallGraph(), { workspace })).ok).toBe(true);
    const created = await apikey("create", "--workspace", workspace, "--email", "Rep@OurCo.example", "--role", "editor");
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^rpk_[A-Za-z0-9_-]{43}$/);
    const id = /created API key ([0-9a-f-]{36}) for rep@ourco\.example in workspace "[^"]+" as EDITOR/.exec(created.stderr)?.[1];
    expect(id).toBeDefined();

    // Only the hash is stored: no property of the key's node holds the key.
    const stored = await driver.executeQuery("MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS k", { id });
    const properties = stored.records[0]!.get("k") as Record<string, unknown>;
    expect(Object.values(properties)).not.toContain(key);
    expect(properties.hash).toBe(createHash("sha256").update(key).digest("hex"));

    const listed = await apikey("list", "--workspace", workspace);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\t${workspace}\\trep@ourco\\.example\\tEDITOR\\t\\S+\\tactive$`, "m"));
    expect(listed.stdout).not.toContain(key);
    expect(listed.stdout).not.toContain(properties.hash as string);

    const server = await startTestServer(`${workspace}-unused`, undefined, { RAPPORT_AUTH: "apikey" });
    try {
      const viewer = { query: "{ viewer { email name } }" };
      expect((await post(server.url, viewer, bearer(key))).body).toEqual({ data: { viewer: { email: "rep@ourco.example", name: "Riley Rep" } } });

      const revoked = await apikey("revoke", id!);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toMatch(new RegExp(`^revoked API key ${id} of rep@ourco\\.example`));
      expect((await apikey("list", "--workspace", workspace)).stdout).toMatch(new RegExp(`^${id}\\t.*\\trevoked \\S+$`, "m"));

      const refused = await post(server.url, viewer, bearer(key));
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ errors: [{ message: "unknown or revoked API key", extensions: { code: "UNAUTHENTICATED" } }] });
    } finally {
      await server.stop();
    }
  });

  it("explains a bad command line without touching Neo4j, and says when there is no such key", async () => {
    const bad = await runScript("src/cli/apikey.ts", ["create", "--workspace", workspace, "--email", "not-an-email", "--role", "OWNER"], {});
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--email: Invalid email address");
    expect(bad.stderr).toContain('--role: Invalid option: expected one of "READER"|"EDITOR"|"ADMIN"');
    expect(bad.stderr).not.toContain("migrations:");

    const missing = await apikey("revoke", "no-such-key");
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain("no API key with id no-such-key");
  });
});
