/**
 * What every resolver receives, built once per request: who is asking, in
 * which workspace, the request's metered database access and its loaders.
 */
import type { Db } from "./db/run.js";
import { createLoaders, type Loaders } from "./loaders/index.js";

export interface RequestContext {
  requestId: string;
  workspace: string;
  db: Db;
  loaders: Loaders;
  /** The person "me" stands for in filters; null when there is none. */
  viewerId(): Promise<string | null>;
}

export function createRequestContext(db: Db, requestId: string, workspace: string): RequestContext {
  const requestDb = db.forRequest(requestId);
  let viewer: Promise<string | null> | undefined;
  return {
    requestId,
    workspace,
    db: requestDb,
    loaders: createLoaders(requestDb, workspace),
    // Until sign-in exists, requests act as the workspace's user.
    viewerId: () => (viewer ??= requestDb.read("person/default-viewer", { workspace }).then(([row]) => (row?.id as string | undefined) ?? null)),
  };
}
