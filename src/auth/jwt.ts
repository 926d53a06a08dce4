/**
 * JWTs for single sign-on, verified with jose (no crypto of our own): the
 * signature against the configured key — an HS256 secret, or an RS256 public
 * key as a PEM file or a local JWKS file (there is no network to fetch one
 * from) — and the issuer, audience and expiry (a token without `exp` is
 * refused). The workspace, email and role come from the configured claims.
 * Every failure is UNAUTHENTICATED, with the reason told by jose's error
 * code, never by its message.
 */
import fs from "node:fs";
import { createLocalJWKSet, errors, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyOptions } from "jose";
import type { JwtSettings } from "../config.js";
import { identityFields, type Identity } from "./identity.js";
import { unauthenticated } from "./unauthenticated.js";

export type JwtVerifier = (token: string) => Promise<Identity>;

/** Reads the key once, at start-up: a missing or malformed key file stops the server from starting. */
export async function createJwtVerifier(settings: JwtSettings): Promise<JwtVerifier> {
  const verify = await signatureCheck(settings);
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = await verify(token, {
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ["exp"],
        clockTolerance: settings.clockToleranceSec,
      });
    } catch (error) {
      throw unauthenticated(reasonOf(error));
    }
    const { claims } = settings;
    const fields = identityFields.safeParse({ workspace: payload[claims.workspace], email: payload[claims.email], role: payload[claims.role] });
    if (!fields.success) {
      throw unauthenticated(`the token needs a workspace (${claims.workspace}), an email (${claims.email}) and a role (${claims.role}: READER, EDITOR or ADMIN) claim`);
    }
    return { ...fields.data, via: "jwt", subject: `jwt:${payload.sub ?? fields.data.email}` };
  };
}

type Verify = (token: string, options: JWTVerifyOptions) => Promise<JWTPayload>;

async function signatureCheck(settings: JwtSettings): Promise<Verify> {
  const { key } = settings;
  // Each key kind allows exactly its algorithm, so a token cannot pick a weaker one (or "none").
  switch (key.kind) {
    case "secret": {
      const secret = new TextEncoder().encode(key.secret);
      return async (token, options) => (await jwtVerify(token, secret, { ...options, algorithms: ["HS256"] })).payload;
    }
    case "pem-file": {
      const publicKey = await importSPKI(readKeyFile(key.file), "RS256");
      return async (token, options) => (await jwtVerify(token, publicKey, { ...options, algorithms: ["RS256"] })).payload;
    }
    case "jwks-file": {
      const keySet = createLocalJWKSet(JSON.parse(readKeyFile(key.file)));
      return async (token, options) => (await jwtVerify(token, keySet, { ...options, algorithms: ["RS256"] })).payload;
    }
  }
}

function readKeyFile(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read the JWT key file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the token has expired";
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted here`;
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return "the token's signature does not verify";
  return "the token is not a valid JWT for this server";
}
