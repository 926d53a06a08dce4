/**
 * The natural keys already in a workspace, so a document may refer to people,
 * companies, topics and content it does not define itself.
 */
import type { Db } from "../db/run.js";
import type { KnownKeys } from "./document-checks.js";

export async function knownKeys(db: Db, workspace: string): Promise<KnownKeys> {
  const [row] = await db.read("import/known-keys", { workspace });
  const topicKeys = new Map<string, string>();
  for (const topic of row?.topics ?? []) {
    topicKeys.set(topic.key, topic.key);
    for (const alias of topic.aliasKeys) topicKeys.set(alias, topic.key);
  }
  return {
    emails: new Set(row?.emails),
    profiles: new Map((row?.profiles ?? []).map((profile) => [profile.url, profile.email])),
    domains: new Set(row?.domains),
    companyNames: new Set(row?.companyNames),
    contentUrls: new Set(row?.urls),
    topicKeys,
  };
}
