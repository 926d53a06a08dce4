/**
 * Scopes for tests that build statements themselves, looked up as a request's
 * context looks them up (src/context.ts), or made up for tests that only
 * compile.
 */
import type { Db } from "../../src/db/run.js";
import type { Scope } from "../../src/filters/statements.js";
import { lookUpTopicIds, type TopicIds } from "../../src/filters/topic-ids.js";
import { manyByKey } from "../../src/loaders/keyed.js";

/** `scope` with the ids of `topics` (personWhereTopics or companyWhereTopics of the filter) as its workspace has them. */
export async function withTopics(db: Db, scope: Omit<Scope, "topicIds">, topics: readonly string[]): Promise<Scope> {
  return { ...scope, topicIds: await lookUpTopicIds(manyByKey(db, scope.workspace, "topic/family"), topics) };
}

/** For tests that only compile: every topic key matches one made-up id, `<key>-id`. */
export const everyTopic: TopicIds = new (class extends Map<string, readonly string[]> {
  override get(key: string): readonly string[] {
    return [`${key}-id`];
  }
})();
