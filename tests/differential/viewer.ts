/**
 * The viewer: the person a filter means when connectedTo.person or
 * near.person is left out. The service takes the signed-in user's Person (the
 * one with their email in the workspace); these tests sign in, with an API
 * key, as the document's first user by email. This file is the one place
 * that depends on how the service chooses the viewer.
 */
import { createApiKey } from "../../src/auth/api-keys.js";
import type { Db } from "../../src/db/run.js";
import type { NormalizedDocument } from "../../src/graph-document/normalize.js";
import { bearer } from "../support/server.js";

/** Whom the tests sign in as: the document's first user by email (null when it has none). */
export function viewerOf(doc: NormalizedDocument): string | null {
  return doc.users.map((user) => user.email).sort()[0] ?? null;
}

/** The id of the person with `email` in the workspace: the viewer a statement built in a test is given. */
export async function personIdOf(db: Db, workspace: string, email: string | null): Promise<string> {
  const [person] = await db.read<{ id: string }>({
    name: "test/person-id",
    text: "MATCH (p:Person {workspace: $workspace, email: $email}) RETURN p.id AS id",
    params: { workspace, email },
    columns: ["id"],
  });
  if (!person) throw new Error(`no person ${email} in ${workspace}`);
  return String(person.id);
}

/** The headers a request sends to sign in as the viewer (none without one: dev mode then signs in as the demo user). */
export async function signInAsViewer(db: Db, workspace: string, doc: NormalizedDocument): Promise<Record<string, string>> {
  const email = viewerOf(doc);
  if (email === null) return {};
  const { key } = await createApiKey(db, { workspace, email, role: "READER" });
  return bearer(key);
}
