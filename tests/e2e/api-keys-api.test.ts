/**
 * API keys over GraphQL: an ADMIN creates, lists and revokes the keys of its
 * own workspace; READERs and EDITORs are refused before anything runs; a key
 * of another workspace is out of reach.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../src/auth/api-keys.js";
import { testDb, testDriver, uniqueWorkspace, wipeWorkspace } from "../support/db.js";
import { bearer, gql, startTestServer, type TestServer } from "../support/server.js";

const workspace = uniqueWorkspace("api-keys");
const elsewhere = uniqueWorkspace("api-keys-other");
const driver = testDriver();
let server: TestServer;
let admin: Record<string, string>;
let editor: Record<string, string>;
let otherKeyId: string;

beforeAll(async () => {
  server = await startTestServer(workspace, undefined, { RAPPORT_AUTH: "apikey" });
  const db = testDb(driver);
  admin = bearer((await createApiKey(db, { workspace, email: "admin@ourco.example", role: "ADMIN" })).key);
  editor = bearer((await createApiKey(db, { workspace, email: "rep@ourco.example", role: "EDITOR" })).key);
  otherKeyId = (await createApiKey(db, { workspace: elsewhere, email: "admin@ourco.example", role: "ADMIN" })).record.id;
});

afterAll(async () => {
  await server.stop();
  await wipeWorkspace(driver, workspace);
  await wipeWorkspace(driver, elsewhere);
  await driver.close();
});

const CREATE = `mutation($email: String!, $role: Role!) { createApiKey(email: $email, role: $role) { key apiKey { id email role revokedAt } } }`;
const code = (response: { errors?: { extensions: { code: string } }[] }) => response.errors?.[0]?.extensions.code;

describe("API keys over the API", () => {
  it("lets an ADMIN create a key that works at once, list it, and revoke it", async () => {
    const created = await gql(server.url, CREATE, { email: "Reader@OurCo.example", role: "READER" }, admin);
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data!.createApiKey;
    expect(key).toMatch(/^rpk_/);
    expect(apiKey).toMatchObject({ email: "reader@ourco.example", role: "READER", revokedAt: null });

    const reader = bearer(key);
    expect((await gql(server.url, `{ topic(name: "CRM") { name } }`, {}, reader)).errors).toBeUndefined();

    const listed = await gql(server.url, `{ apiKeys { id email role revokedAt } }`, {}, admin);
    expect(listed.data!.apiKeys.map((k: { email: string }) => k.email).sort()).toEqual(["admin@ourco.example", "reader@ourco.example", "rep@ourco.example"]);
    expect(JSON.stringify(listed.data)).not.toContain(key);

    const revoked = await gql(server.url, `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id: apiKey.id }, admin);
    expect(revoked.data!.revokeApiKey.revokedAt).not.toBeNull();
    expect(code(await gql(server.url, `{ topic(name: "CRM") { name } }`, {}, reader))).toBe("UNAUTHENTICATED");
  });

  it("refuses READERs and EDITORs, whatever the operation holds", async () => {
    const reader = bearer(((await gql(server.url, CREATE, { email: "r2@ourco.example", role: "READER" }, admin)).data!.createApiKey.key));
    expect(code(await gql(server.url, `{ apiKeys { id } }`, {}, reader))).toBe("FORBIDDEN");
    expect(code(await gql(server.url, `{ apiKeys { id } }`, {}, editor))).toBe("FORBIDDEN");
    expect(code(await gql(server.url, `query { ...keys } fragment keys on Query { apiKeys { id } }`, {}, editor))).toBe("FORBIDDEN");
    expect(code(await gql(server.url, CREATE, { email: "x@ourco.example", role: "ADMIN" }, editor))).toBe("FORBIDDEN");
    expect(code(await gql(server.url, CREATE, { email: "not an email", role: "READER" }, admin))).toBe("BAD_USER_INPUT");
  });

  it("keeps other workspaces' keys out of reach", async () => {
    const listed = await gql(server.url, `{ apiKeys { id } }`, {}, admin);
    expect(listed.data!.apiKeys.map((k: { id: string }) => k.id)).not.toContain(otherKeyId);
    expect(code(await gql(server.url, `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: otherKeyId }, admin))).toBe("NOT_FOUND");
  });
});
