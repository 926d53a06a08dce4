/**
 * A reference to a person or a company by a key of either kind, as the write
 * statements look it up (cypher/README.md, "Finding a node by its key"): the
 * key under the property that holds it, the other null. A statement seeks in
 * both indexes; the seek for null finds nothing at next to no cost, so each
 * lookup reads one index instead of two. The kinds are told apart by the
 * forms the keys are normalised to (src/graph-document/normalize.ts): a
 * profile key always starts `https://` (profileKey) and an email never does;
 * a domain has a dot and a company's name key never does (companyNameKey).
 */

/** A person's key (an email or a profile URL, as personKey gives it). */
export function personLookup(key: string): { email: string | null; profileUrl: string | null } {
  return key.startsWith("https://") ? { email: null, profileUrl: key } : { email: key, profileUrl: null };
}

/** A company's key (a domain or a name key, as companyKey gives it). */
export function companyLookup(key: string): { domain: string | null; nameKey: string | null } {
  return key.includes(".") ? { domain: key, nameKey: null } : { domain: null, nameKey: key };
}
