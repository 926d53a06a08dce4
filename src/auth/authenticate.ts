/**
 * Credentials → Identity, once per request. `Authorization: Bearer …` with an
 * API key (recognised by its `rpk_` prefix) or, when JWTs are configured, a
 * JWT. A credential that is sent is always verified, in development too.
 * Without one, dev mode (which the production server refuses to start with,
 * see assertServable in config.ts) signs the request in as the given dev user
 * (the server gives the demo story's user of the served workspace), as ADMIN;
 * otherwise the request is UNAUTHENTICATED (HTTP 401).
 */
import type { AuthSettings } from "../config.js";
import type { Db } from "../db/run.js";
import { AppError, ErrorCode } from "../errors.js";
import { identityOfApiKey, looksLikeApiKey } from "./api-keys.js";
import type { Identity } from "./identity.js";
import { createJwtVerifier } from "./jwt.js";
import { unauthenticated } from "./unauthenticated.js";

export type Authenticate = (authorization: string | undefined) => Promise<Identity>;

const BEARER = /^Bearer +(\S+)$/i;

export async function createAuthenticator(settings: AuthSettings, devUser: Pick<Identity, "workspace" | "email">, db: Db): Promise<Authenticate> {
  const verifyJwt = settings.jwt ? await createJwtVerifier(settings.jwt) : undefined;
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === "") {
      if (settings.mode === "dev") return { ...devUser, role: "ADMIN", via: "dev" };
      throw unauthenticated("sign in: send `Authorization: Bearer <API key or token>`");
    }
    const credential = BEARER.exec(authorization.trim())?.[1];
    if (credential === undefined) throw unauthenticated("the Authorization header must be `Bearer <API key or token>`");
    if (looksLikeApiKey(credential)) {
      const identity = await identityOfApiKey(db, credential).catch(asHttpError);
      if (!identity) throw unauthenticated("unknown or revoked API key");
      return identity;
    }
    if (verifyJwt) return verifyJwt(credential);
    throw unauthenticated("not an API key (they start with rpk_), and this server accepts no JWTs");
  };
}

/** A Neo4j outage during the key lookup ends the request before GraphQL runs: HTTP 503, as /ready says, not 500. */
function asHttpError(error: unknown): never {
  // Refused by admission control, it already says so (with a Retry-After).
  if (error instanceof AppError && error.code === ErrorCode.SERVICE_UNAVAILABLE && error.extensions.http === undefined) {
    throw new AppError(error.code, error.message, { http: { status: 503 } });
  }
  throw error;
}
