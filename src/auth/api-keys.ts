/**
 * API keys. A key is `rpk_` followed by 32 random bytes in base64url: the
 * prefix makes a leaked key recognisable (to people and secret scanners) and
 * tells the authenticator which check applies; 256 bits of entropy make a
 * salted slow hash pointless, so the store keeps the key's SHA-256 only and a
 * request finds its key by that hash through a unique index. Looking up by
 * hash leaks nothing through timing: an attacker cannot steer which hash
 * their guess produces, so there is no byte-by-byte comparison to measure.
 * Keys are looked up on every request, with no cache, so a revoked key stops
 * working on the next request.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../db/run.js";
import { identityFields, roleSchema, type Identity, type Role } from "./identity.js";

export const API_KEY_PREFIX = "rpk_";
const API_KEY = /^rpk_[A-Za-z0-9_-]{43}$/;

export interface ApiKeyRecord {
  id: string;
  workspace: string;
  email: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX);
}

/** Creates a key; the returned `key` is the only copy there will ever be. */
export async function createApiKey(db: Db, owner: Omit<Identity, "via">): Promise<{ key: string; record: ApiKeyRecord }> {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await db.write("auth/api-key-create", { id: randomUUID(), ...identityFields.parse(owner), hash: hashOf(key) });
  return { key, record: { ...row!, role: roleSchema.parse(row!.role), revokedAt: null } };
}

export async function listApiKeys(db: Db, workspace: string | null): Promise<ApiKeyRecord[]> {
  return (await db.read("auth/api-keys", { workspace })).map((row) => ({ ...row, role: roleSchema.parse(row.role) }));
}

/** Null when no key has this id. */
export async function revokeApiKey(db: Db, id: string): Promise<{ id: string; workspace: string; email: string; revokedAt: string } | null> {
  const [row] = await db.write("auth/api-key-revoke", { id });
  return row ?? null;
}

/** The identity a key signs in as; null when the key is malformed, unknown or revoked. */
export async function identityOfApiKey(db: Db, key: string): Promise<Identity | null> {
  if (!API_KEY.test(key)) return null;
  const hash = hashOf(key);
  const [row] = await db.read("auth/api-key-by-hash", { hash });
  const fields = identityFields.safeParse(row);
  return fields.success ? { ...fields.data, via: "api-key", subject: `api-key:${hash}` } : null;
}

function hashOf(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}
