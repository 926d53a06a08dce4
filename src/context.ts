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
}

export function createRequestContext(db: Db, requestId: string, workspace: string): RequestContext {
  const requestDb = db.forRequest(requestId);
  return { requestId, workspace, db: requestDb, loaders: createLoaders(requestDb, workspace) };
}
