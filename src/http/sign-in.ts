/**
 * The caller of a plain HTTP endpoint, signed in exactly as a GraphQL request
 * is (API key, JWT or dev mode), holding at least the role the endpoint needs.
 */
import type { Request } from "express";
import type { Authenticate } from "../auth/authenticate.js";
import { hasRole, type Identity, type Role } from "../auth/identity.js";
import { AppError, ErrorCode } from "../errors.js";

/** @param what what the endpoint does, for the refusal: "import and export" */
export async function signedIn(authenticate: Authenticate, req: Request, role: Role, what: string): Promise<Identity> {
  const identity = await authenticate(req.headers.authorization);
  if (!hasRole(identity.role, role)) {
    throw new AppError(ErrorCode.FORBIDDEN, `${what} needs the ${role} role or above; this credential has ${identity.role}`);
  }
  return identity;
}
