/**
 * Import and export over HTTP: an ADMIN of a workspace imports a graph
 * document into it and exports it back; a bad document writes nothing and
 * says what is wrong where; a dry run writes nothing; anyone but an ADMIN is
 * refused before anything is read or written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { smallGraph } from "../fixtures/small-graph.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { fingerprint } from "../support/fingerprint.js";
import { bearer, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("document-http");
const driver = testDriver();
let server: TestServer;
let admin: Record<string, string>;
let reader: Record<string, string>;

beforeAll(async () => {
  // More imports than the default budget of 5 at once: the import budget is tested in tests/e2e/rate-limits.test.ts, not here.
  server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey", IMPORT_BODY_LIMIT: "200kb", RAPPORT_IMPORT_RATE_LIMIT_BURST: "20" });
  admin = bearer((await createApiKey(testDb(driver), { workspace, email: "rep@ourco.example", role: "ADMIN" })).key);
  reader = bearer((await createApiKey(testDb(driver), { workspace, email: "rep@ourco.example", role: "READER" })).key);
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await driver.close();
});

async function importDocument(document: unknown, headers: Record<string, string>, query = "") {
  const response = await fetch(`${server.origin}/import${query}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof document === "string" ? document : JSON.stringify(document),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function exportDocument(headers: Record<string, string>) {
  const response = await fetch(`${server.origin}/export`, { headers });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("the graph document over HTTP", () => {
  it("refuses a reader, a missing credential and an unknown key, before touching the workspace", async () => {
    const before = await fingerprint(driver, workspace);
    for (const headers of [reader, {}, bearer("rpk_not-a-key")]) {
      const imported = await importDocument(smallGraph(), headers);
      const exported = await exportDocument(headers);
      const expected = headers === reader ? [403, "FORBIDDEN"] : [401, "UNAUTHENTICATED"];
      expect([imported.status, imported.body.error.code]).toEqual(expected);
      expect([exported.status, JSON.parse(exported.text).error.code]).toEqual(expected);
    }
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("writes nothing for a dry run or a bad document, and says where a document is wrong", async () => {
    const before = await fingerprint(driver, workspace);
    const dryRun = await importDocument(smallGraph(), admin, "?dryRun=true");
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ ok: true, dryRun: true });

    const document = smallGraph() as { people: { email: string }[] };
    document.people[0]!.email = "not an email";
    const bad = await importDocument(document, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.problems).toContainEqual(expect.objectContaining({ path: "people[0].email" }));

    expect((await importDocument("{ not json", admin)).body.error.code).toBe("BAD_REQUEST");
    const tooLarge = await importDocument({ ...smallGraph(), padding: "x".repeat(300_000) }, admin);
    expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, "BAD_REQUEST"]);
    expect(await fingerprint(driver, workspace)).toBe(before);
  });

  it("imports a document and exports it back, equal to what went in", async () => {
    const imported = await importDocument(smallGraph(), admin);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ ok: true, dryRun: false });
    const created = imported.body.steps.find((step: { step: string }) => step.step === "people");
    expect(created.created).toBe(smallGraph().people.length);

    const exported = await exportDocument(admin);
    expect(exported.status).toBe(200);
    expect(exported.type).toMatch(/^application\/json/);
    const document = JSON.parse(exported.text);
    expect(document.people.map((person: { email: string }) => person.email).sort())
      .toEqual(smallGraph().people.map((person) => person.email.toLowerCase()).sort());

    const again = await importDocument(document, admin);
    expect(again.body.steps.every((step: { created: number }) => step.created === 0)).toBe(true);
    expect(JSON.parse((await exportDocument(admin)).text)).toEqual(document);
  });
});
