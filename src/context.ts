/**
 * What every resolver receives, built once per request: who is asking (the
 * identity their credential signed in as), in which workspace — always the
 * identity's, so every query is scoped to it — the request's metered
 * database access and its loaders.
 */
import type { Identity } from "./auth/identity.js";
import type { RelationshipSettings, SearchSettings, SignalSettings } from "./config.js";
import type { Db } from "./db/run.js";
import { StartChoice } from "./filters/start-choice.js";
import type { Scope } from "./filters/statements.js";
import { lookUpTopicIds } from "./filters/topic-ids.js";
import { createLoaders, type Loaders } from "./loaders/index.js";
import type { Logger } from "./logger.js";

export interface RequestContext {
  requestId: string;
  /**
   * When the request began (ISO 8601). Every ranking the request starts decays
   * evidence to this instant, so two lists in one request (a segment's members
   * and the prospects of its filter) score the same person alike.
   */
  requestedAt: string;
  identity: Identity;
  workspace: string;
  db: Db;
  loaders: Loaders;
  /** How connections follow from interactions, for mutations that record one. */
  relationships: RelationshipSettings;
  /** Webhooks may point at private and loopback addresses (src/signals/addresses.ts). */
  allowPrivateWebhooks: boolean;
  /** The person "me" stands for in filters: the signed-in email's Person in the workspace; null when there is none. */
  viewerId(): Promise<string | null>;
  /**
   * The scope statements are compiled in. The viewer is looked up only for a
   * question that reads it (src/filters/viewer.ts says which filters do): a
   * question that names its people saves that round trip. `topics` are the
   * topic keys the filter names (src/filters/topic-ids.ts), looked up beside
   * the viewer.
   */
  scope(readsViewer: boolean, topics?: readonly string[]): Promise<Scope>;
  /** Where a filter's statement starts, by what it would read (src/filters/start-choice.ts). */
  starts: StartChoice;
}

export interface ContextSettings {
  search: SearchSettings;
  relationships: RelationshipSettings;
  /** Absent (tools and tests that create no webhooks): private addresses are refused. */
  signals?: Pick<SignalSettings, "allowPrivate">;
  /** Where a request's choices of start are logged (at debug); none without it. */
  logger?: Logger;
}

/** @param bookmarks what the request brought in its Rapport-Bookmark header (db/bookmarks.ts) */
export function createRequestContext(db: Db, requestId: string, identity: Identity, settings: ContextSettings, bookmarks: readonly string[] = []): RequestContext {
  const requestDb = db.forRequest(requestId, bookmarks);
  const loaders = createLoaders(requestDb, identity.workspace);
  // Through the loader, so Query.viewer and the filters' "me" share one lookup.
  const viewerId = async () => (await loaders.personByEmail.load(identity.email))?.id ?? null;
  return {
    requestId,
    requestedAt: new Date().toISOString(),
    identity,
    workspace: identity.workspace,
    db: requestDb,
    loaders,
    relationships: settings.relationships,
    allowPrivateWebhooks: settings.signals?.allowPrivate ?? false,
    viewerId,
    async scope(readsViewer, topics = []) {
      const [viewer, topicIds] = await Promise.all([readsViewer ? viewerId() : undefined, lookUpTopicIds(loaders.topicFamily, topics)]);
      return { workspace: identity.workspace, shortlistFrom: settings.search.shortlistFrom, viewerId: viewer, topicIds };
    },
    starts: new StartChoice(requestDb, settings.search, settings.logger?.child({ requestId })),
  };
}
