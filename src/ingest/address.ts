/**
 * Turns an address as written in a mail header or a calendar property into an
 * Address, or null when it is not one a relationship can be built on.
 */
import type { Address } from "./records.js";

/**
 * A plausible internet mailbox: a local part without blanks, brackets or a
 * second @, and a domain of at least two dot-separated labels (letters of any
 * script, digits, hyphens) ending in a label of two letters or more. Looser
 * than RFC 5321 on purpose: the question is "could mail be delivered here",
 * not "is every character legal"; "undisclosed-recipients", "root@localhost"
 * and "a@b" are not.
 */
const MAILBOX = /^[^\s@<>()[\]\\,;:"]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

export function toAddress(email: string | undefined, name: string | undefined | null): Address | null {
  const normalised = email?.trim().toLowerCase();
  if (!normalised || normalised.length > 254 || !MAILBOX.test(normalised)) return null;
  const trimmedName = name?.trim();
  return { email: normalised, name: trimmedName ? trimmedName : null };
}

/** Keeps the first of each email, dropping those already `seen` (and adding the kept ones to it). */
export function distinctAddresses(addresses: Iterable<Address>, seen: Set<string>): Address[] {
  const kept: Address[] = [];
  for (const address of addresses) {
    if (seen.has(address.email)) continue;
    seen.add(address.email);
    kept.push(address);
  }
  return kept;
}
