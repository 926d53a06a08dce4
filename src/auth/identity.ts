/**
 * Who is asking: a workspace, an email and a role, from an API key, a JWT or
 * (in development) the demo user. Roles are ordered: each may do what the
 * ones below it may — READER queries, EDITOR also mutates, ADMIN also
 * manages keys and moves whole workspaces in and out.
 */
import { z } from "zod";

export const ROLES = ["READER", "EDITOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export interface Identity {
  workspace: string;
  /** Lower-cased, like stored emails: the viewer is the Person with this email in the workspace. */
  email: string;
  role: Role;
  /** How the caller signed in, for logs; `signals` is a watched segment evaluated as its owner (src/signals). */
  via: "api-key" | "jwt" | "dev" | "signals";
  /** The credential, for rate limits (src/http/rate-limit.ts): an API key (by its hash) or a JWT's subject; none in dev mode or for signals. */
  subject?: string;
}

export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The fields of an identity, checked wherever they come from (a key record, a token's claims). */
export const identityFields = z.object({
  workspace: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  role: roleSchema,
});
