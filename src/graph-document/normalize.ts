/**
 * A valid document → the normalized form the importer writes: emails and
 * domains lower-cased, topic references resolved (by name or alias, any case)
 * to the canonical topic key, every date a UTC instant, default strengths and
 * weights filled in, each connection ordered from the lower email to the
 * higher, and the natural keys of concerns, events and promises computed.
 */
import { DOMAIN, type ParsedSections, type SectionName } from "./schema.js";

/**
 * Joins the parts of a composite key. Keys stay plain readable strings (they
 * are stored and compared in Neo4j), so the separator must be a character no
 * part can contain: the unit separator is refused by the email and domain
 * formats, and the schema refuses control characters in every free text.
 */
export const KEY_SEPARATOR = "\u001f";
export const DEFAULT_STRENGTH = 0.5;

export type TopicResolver = (nameOrAlias: string) => string | undefined;

/**
 * A topic's key from a name or alias as anyone writes it: how the importer
 * stores topics and how filters, lookups and mutations find them.
 */
export function topicKey(name: string): string {
  return name.trim().toLowerCase();
}

/** An email or a domain as stored and compared: how the importer keys people and companies, and how every lookup finds them. */
export function lower(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * A profile URL as stored and compared: scheme, `www.`, query, fragment,
 * trailing slashes and case do not matter, so
 * `http://www.LinkedIn.com/in/Jane-Doe/` is `https://linkedin.com/in/jane-doe`.
 */
export function profileKey(url: string): string {
  const parsed = new URL(url.trim());
  const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
  const path = decodedPath(parsed.pathname).toLowerCase().replace(/\/+$/, "");
  return `https://${host}${path}`;
}

/** Percent-escapes decoded (LinkedIn writes accented names either way); a malformed escape is kept as written. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Legal forms that do not tell companies apart ("Acme, Inc." is "ACME Inc"), as they read with dots removed and lower-cased. */
const LEGAL_SUFFIXES = new Set([
  "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "plc", "lp",
  "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "pty", "kk",
]);

/**
 * A company name as compared: accents, case, punctuation and trailing legal
 * forms do not matter. Dots vanish (S.A. → sa), `&` reads as "and", any other
 * run of non-letters and non-digits is one space. A name that is nothing but a
 * legal form keeps it. The key never holds a dot, so it never equals a domain.
 */
export function companyNameKey(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\./g, "")
    .replace(/&/g, " and ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(" ");
}

/** A person reference (an email or a profile URL) as the key it stands for. */
export function personKey(ref: string): string {
  return /^https?:\/\//i.test(ref.trim()) ? profileKey(ref) : lower(ref);
}

/** A company reference (a domain or a name) as the key it stands for: a domain lower-cased, a name by companyNameKey. */
export function companyKey(ref: string): string {
  return DOMAIN.test(ref.trim()) ? lower(ref) : companyNameKey(ref);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A UTC date-time to the second or the millisecond, as export and the generator write them. */
const UTC_TO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/**
 * A document date (already checked: isDocumentDate) as a UTC instant:
 * `2026-11-01` → `2026-11-01T00:00:00.000Z`. A date, or a date-time already
 * in UTC, is completed as text rather than parsed: a million-person document
 * has 25 million dates, and parsing each into a Date and out again took a
 * seventh of its import's own CPU.
 */
export function toInstant(value: string): string {
  if (DATE_ONLY.test(value)) return `${value}T00:00:00.000Z`;
  const utc = UTC_TO_SECONDS.exec(value);
  if (utc) return utc[1] === undefined ? `${value.slice(0, 19)}.000Z` : value;
  return new Date(value).toISOString();
}

function optionalInstant(value: string | undefined): string | undefined {
  return value === undefined ? undefined : toInstant(value);
}

export function concernKey(person: string, topic: string, expressedAt: string, text: string): string {
  return [person, topic, expressedAt, text.trim()].join(KEY_SEPARATOR);
}

export function eventKey(company: string, type: string, occurredAt: string): string {
  return [company, type, occurredAt].join(KEY_SEPARATOR);
}

export function promiseKey(promise: { id?: string; person?: string; company?: string; text: string; madeAt?: string }): string {
  if (promise.id !== undefined) return `id:${promise.id.trim()}`;
  return [promise.person ?? "", promise.company ?? "", promise.text.trim(), promise.madeAt ?? ""].join(KEY_SEPARATOR);
}

/**
 * An interaction's key: the pair (sorted), kind, time and, when the source
 * names it, the message or meeting occurrence. Without a ref this is the key
 * recordInteraction has always used.
 */
export function interactionKey(user: string, person: string, kind: string, at: string, ref: string | undefined): string {
  return [...[user, person].sort(), kind, at, ...(ref === undefined ? [] : [ref])].join(KEY_SEPARATOR);
}

/** How each section's records are normalized, once the document's topic references resolve. */
export function normalizers(resolveTopic: TopicResolver) {
  const topic = (name: string) => resolveTopic(name) as string;
  return {
    topics: (t: ParsedSections["topics"][number]) => ({
      key: topicKey(t.name),
      name: t.name.trim(),
      aliases: t.aliases?.map((alias) => alias.trim()),
      broader: t.broader?.map(topic),
    }),
    companies: (c: ParsedSections["companies"][number]) => {
      const domain = c.domain === undefined ? undefined : lower(c.domain);
      const nameKey = c.name === undefined ? undefined : companyNameKey(c.name);
      return { ...c, domain, nameKey, key: domain ?? (nameKey as string) };
    },
    people: (p: ParsedSections["people"][number]) => ({
      ...p,
      email: p.email === undefined ? undefined : lower(p.email),
      profileUrl: p.profileUrl === undefined ? undefined : profileKey(p.profileUrl),
      key: p.email === undefined ? profileKey(p.profileUrl as string) : lower(p.email),
      company: p.company === undefined ? undefined : companyKey(p.company),
      since: optionalInstant(p.since),
      until: optionalInstant(p.until),
      interests: p.interests?.map((i) => ({ topic: topic(i.topic), weight: i.weight ?? DEFAULT_STRENGTH })),
    }),
    content: (c: ParsedSections["content"][number]) => ({ ...c, topics: c.topics?.map(topic), publishedAt: optionalInstant(c.publishedAt) }),
    connections: (k: ParsedSections["connections"][number]) => {
      const [a, b] = [personKey(k.a), personKey(k.b)].sort() as [string, string];
      return { a, b, strength: k.strength ?? DEFAULT_STRENGTH, since: optionalInstant(k.since), lastInteractionAt: optionalInstant(k.lastInteractionAt) };
    },
    engagements: (e: ParsedSections["engagements"][number]) => ({ ...e, person: personKey(e.person), content: e.content.trim(), at: toInstant(e.at) }),
    concerns: (k: ParsedSections["concerns"][number]) => {
      const person = personKey(k.person);
      const key = topic(k.topic);
      const expressedAt = toInstant(k.expressedAt);
      return { ...k, person, topic: key, text: k.text.trim(), expressedAt, key: concernKey(person, key, expressedAt, k.text) };
    },
    events: (e: ParsedSections["events"][number]) => {
      const company = companyKey(e.company);
      const occurredAt = toInstant(e.occurredAt);
      return { ...e, company, occurredAt, key: eventKey(company, e.type, occurredAt) };
    },
    promises: (p: ParsedSections["promises"][number]) => {
      const normalized = {
        ...p,
        person: p.person === undefined ? undefined : personKey(p.person),
        company: p.company === undefined ? undefined : companyKey(p.company),
        madeAt: optionalInstant(p.madeAt),
        dueAt: optionalInstant(p.dueAt),
      };
      return { ...normalized, key: promiseKey(normalized) };
    },
    users: (u: ParsedSections["users"][number]) => ({ email: lower(u.email) }),
    interactions: (i: ParsedSections["interactions"][number]) => {
      const [user, person, at, ref] = [lower(i.user), personKey(i.person), toInstant(i.at), i.ref?.trim()];
      return { ...i, user, person, at, ref, notes: i.notes?.trim(), key: interactionKey(user, person, i.kind, at, ref) };
    },
  };
}

type Normalizers = ReturnType<typeof normalizers>;
export type NormalizedRecord<S extends SectionName> = ReturnType<Normalizers[S]>;
export type NormalizedDocument = { [S in SectionName]: NormalizedRecord<S>[] };

export function normalizeDocument(sections: ParsedSections, resolveTopic: TopicResolver): NormalizedDocument {
  const normalize = normalizers(resolveTopic);
  const each = <S extends SectionName>(name: S) => (sections[name] as Parameters<Normalizers[S]>[0][]).map((record) => (normalize[name] as (r: typeof record) => NormalizedRecord<S>)(record));
  return {
    topics: each("topics"), companies: each("companies"), people: each("people"), content: each("content"), connections: each("connections"), engagements: each("engagements"),
    concerns: each("concerns"), events: each("events"), promises: each("promises"), users: each("users"), interactions: each("interactions"),
  };
}
