/**
 * What every resolver receives, built once per request: who is asking (the
 * identity their credential signed in as), in which workspace — always the
 * identity's, so every query is scoped to it — the request's metered
 * database access and its loaders.
 */
import type { Identity } from "./auth/identity.js";
import type { RelationshipSettings, SearchSettings, SignalSettings } from "./config.js";
import type { Db } from "./db/run.js";
import type { Scope } from "./filters/statements.js";
import { createLoaders, type Loaders } from "./loaders/index.js";

export interface RequestContext {
  requestId: string;
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
   * Runs `build`, which compiles statements, with this request's scope. The
   * viewer is looked up only if `build` reads `scope.viewerId` (a filter that
   * starts at "me"): a question that names its people saves that round trip.
   */
  compile<T>(build: (scope: Scope) => T): Promise<T>;
}

/** Thrown by a scope whose viewer is not looked up yet, when something reads it. */
class ViewerNotLookedUp extends Error {}

export interface ContextSettings {
  search: SearchSettings;
  relationships: RelationshipSettings;
  /** Absent (tools and tests that create no webhooks): private addresses are refused. */
  signals?: Pick<SignalSettings, "allowPrivate">;
}

export function createRequestContext(db: Db, requestId: string, identity: Identity, settings: ContextSettings): RequestContext {
  const requestDb = db.forRequest(requestId);
  const loaders = createLoaders(requestDb, identity.workspace);
  // Through the loader, so Query.viewer and the filters' "me" share one lookup.
  const viewerId = async () => ((await loaders.personByEmail.load(identity.email))?.id as string | undefined) ?? null;
  return {
    requestId,
    identity,
    workspace: identity.workspace,
    db: requestDb,
    loaders,
    relationships: settings.relationships,
    allowPrivateWebhooks: settings.signals?.allowPrivate ?? false,
    viewerId,
    async compile(build) {
      const scope = { workspace: identity.workspace, shortlistFrom: settings.search.shortlistFrom };
      try {
        return build({ ...scope, get viewerId(): string | null { throw new ViewerNotLookedUp(); } });
      } catch (error) {
        if (!(error instanceof ViewerNotLookedUp)) throw error;
      }
      return build({ ...scope, viewerId: await viewerId() });
    },
  };
}
