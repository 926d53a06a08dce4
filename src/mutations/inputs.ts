/**
 * The zod pieces mutation arguments are built from, on top of the graph
 * document's own (src/graph-document/schema.ts), so that a fact recorded
 * through the API obeys the same rules as one imported.
 */
import { z } from "zod";
import { domain as documentDomain, email as documentEmail, text } from "../graph-document/schema.js";
import { toInstant } from "../graph-document/normalize.js";

/** How far ahead of the server's clock a "when it happened" may be: a client's clock runs a little fast. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const id = z.string().trim().min(1, "must not be empty").max(100, "is not an id");

/** A name that is also a key (topics): short enough for Neo4j's index on the key. */
export const name = text.max(200, "must be at most 200 characters");

/**
 * Free text that ends up inside a natural key (a concern's statement, a
 * promise's text): bounded so that the key fits Neo4j's index-entry limit.
 */
export const statement = text.max(2_000, "must be at most 2000 characters");

/**
 * Emails and domains as the document has them, bounded by what the standards
 * allow: they are indexed keys, and Neo4j refuses an index entry of over 8 kB.
 */
export const email = z.string().max(254, "must be at most 254 characters").pipe(documentEmail);
export const domain = z.string().max(253, "must be at most 253 characters").pipe(documentDomain);

export const url = z.string().trim().max(2_000, "must be at most 2000 characters").pipe(z.url("invalid url"));

/** An instant (a Date or DateTime argument) as a UTC ISO string. */
export const instant = z.string().transform(toInstant);

/** When something that has already happened happened: not in the future. */
export const pastInstant = instant.refine((iso) => Date.parse(iso) <= Date.now() + CLOCK_SKEW_MS, "must not be in the future");
