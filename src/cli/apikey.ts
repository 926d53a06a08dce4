/**
 * npm run apikey -- create --workspace W --email USER --role READER|EDITOR|ADMIN
 * npm run apikey -- list [--workspace W]
 * npm run apikey -- revoke ID
 * `create` prints the new key once, alone on stdout (so it can be piped into
 * a secret store); only its hash is kept. `list` never shows keys or hashes.
 * A revoked key stops working on the next request. The command line is
 * checked before Neo4j is opened, so a typo costs nothing.
 */
import { parseArgs } from "node:util";
import { createApiKey, listApiKeys, revokeApiKey } from "../auth/api-keys.js";
import { identityFields, type Identity } from "../auth/identity.js";
import { loadConfig } from "../config.js";
import { openDb } from "../db/open.js";
import type { Db } from "../db/run.js";
import { runCli, UsageError } from "./run-cli.js";

const USAGE = [
  "usage: npm run apikey -- create --workspace NAME --email USER --role READER|EDITOR|ADMIN",
  "       npm run apikey -- list [--workspace NAME]",
  "       npm run apikey -- revoke ID",
].join("\n");

runCli(async () => {
  const command = parseCommand();
  const { db, close } = await openDb(loadConfig(), (line) => console.error(line));
  try {
    return await command(db);
  } finally {
    await close();
  }
});

function parseCommand(): (db: Db) => Promise<number> {
  const { values, positionals } = parseCommandLine();
  const [command, ...rest] = positionals;
  if (command === "create" && rest.length === 0) {
    const owner = identityFields.safeParse({ workspace: values.workspace, email: values.email, role: values.role?.toUpperCase() });
    if (!owner.success) {
      const problems = owner.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`);
      throw new UsageError(`${problems.join("\n")}\n${USAGE}`);
    }
    return (db) => create(db, owner.data);
  }
  if (command === "list" && rest.length === 0) return (db) => list(db, values.workspace ?? null);
  if (command === "revoke" && rest.length === 1) return (db) => revoke(db, rest[0] as string);
  throw new UsageError(USAGE);
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { workspace: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

async function create(db: Db, owner: Omit<Identity, "via">): Promise<number> {
  const { key, record } = await createApiKey(db, owner);
  console.error(`created API key ${record.id} for ${record.email} in workspace "${record.workspace}" as ${record.role}; it is shown once, below:`);
  console.log(key);
  return 0;
}

async function list(db: Db, workspace: string | null): Promise<number> {
  const keys = await listApiKeys(db, workspace);
  for (const k of keys) console.log([k.id, k.workspace, k.email, k.role, k.createdAt, k.revokedAt ? `revoked ${k.revokedAt}` : "active"].join("\t"));
  console.error(`${keys.length} key(s)`);
  return 0;
}

async function revoke(db: Db, id: string): Promise<number> {
  const revoked = await revokeApiKey(db, id);
  if (!revoked) {
    console.error(`no API key with id ${id}`);
    return 1;
  }
  console.log(`revoked API key ${revoked.id} of ${revoked.email} in workspace "${revoked.workspace}" at ${revoked.revokedAt}`);
  return 0;
}
