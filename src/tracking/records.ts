/**
 * One tracking message → the graph document records it stands for, given
 * what the workspace (and the messages before it in the batch) already hold:
 *
 * - identify: the person (email, name, title) and, from `traits.company`, their
 *   employer (an object with a domain or website, or a name at the domain of a
 *   company email);
 * - group: the company (domain, or the host of website; name, industry,
 *   employees) and, when the sender is a known person, their employment;
 * - track and page: an engagement with the content they name, the content (and
 *   its topics) created when new. Tracking never creates a person: an event
 *   about someone the workspace does not know is UNMATCHED.
 *
 * Traits and properties are free-form in Segment, so each value Rapport keeps
 * is checked here and an unusable one is left out rather than refused.
 */
import { z } from "zod";
import { isFreeMailDomain } from "../ingest/free-mail.js";
import { lower, topicKey } from "../graph-document/normalize.js";
import { CONTENT_KINDS, text, type ParsedSections } from "../graph-document/schema.js";
import { actionOf, PAGE_EVENT, type TrackingAction } from "./actions.js";
import { occurredAt, type Message } from "./messages.js";

export type Outcome = "RECORDED" | "UNMATCHED" | "IGNORED";

export type Records = Pick<ParsedSections, "topics" | "companies" | "people" | "content" | "engagements">;

/** What the workspace holds, grown as the batch's messages are planned one after another. */
export interface Known {
  /** Emails of the workspace's people. */
  emails: Set<string>;
  /** Segment userIds an identify tied to an email. */
  users: Map<string, string>;
  urls: Set<string>;
  /** Lower-cased topic names and aliases → topic keys. */
  topics: Map<string, string>;
}

export interface Planned {
  outcome: Outcome;
  records: Partial<Records>;
  /** A userId that is not an email, and the email an identify gave it. */
  user?: { userId: string; email: string };
}

type Fields = Record<string, unknown>;

export function planMessage(message: Message, known: Known, table: readonly TrackingAction[], receivedAt: Date): Planned {
  switch (message.type) {
    case "identify": return identify(message, known);
    case "group": return group(message, known);
    case "track": return engagement(message, actionOf(table, message.event), message.properties ?? {}, known, receivedAt);
    case "page": return engagement(message, actionOf(table, PAGE_EVENT), message.properties ?? {}, known, receivedAt);
  }
}

function identify(message: Extract<Message, { type: "identify" }>, known: Known): Planned {
  const traits = message.traits ?? {};
  const email = emailOf(traits.email) ?? emailOf(message.context?.traits?.email) ?? emailOf(message.userId) ?? knownUser(message, known);
  if (email === undefined) return { outcome: "UNMATCHED", records: {} };
  known.emails.add(email);
  const company = employerOf(traits.company, email);
  const name = textOf(traits.name) ?? textOf([traits.firstName, traits.lastName].filter((part) => typeof part === "string").join(" "));
  const person = defined({ email, name, title: textOf(traits.title), company: company?.domain });
  const userId = message.userId ?? undefined;
  if (userId !== undefined) known.users.set(userId, email);
  return {
    outcome: "RECORDED",
    records: { companies: company ? [company] : [], people: [person as Records["people"][number]] },
    ...(userId !== undefined && emailOf(userId) === undefined ? { user: { userId, email } } : {}),
  };
}

function group(message: Extract<Message, { type: "group" }>, known: Known): Planned {
  const company = companyOf(message.traits ?? {});
  if (company === undefined) return { outcome: "IGNORED", records: {} };
  const email = personOf(message, undefined, known);
  return { outcome: "RECORDED", records: { companies: [company], people: email === undefined ? [] : [{ email, company: company.domain }] } };
}

function engagement(message: Message, action: TrackingAction["action"] | undefined, properties: Fields, known: Known, receivedAt: Date): Planned {
  const pageUrl = message.type === "page" ? message.context?.page?.url : undefined;
  const url = contentUrl(properties.url ?? pageUrl);
  if (!action || url === undefined) return { outcome: "IGNORED", records: {} };
  const email = personOf(message, properties, known);
  if (email === undefined) return { outcome: "UNMATCHED", records: {} };
  const records: Partial<Records> = { topics: [], content: [], engagements: [{ person: email, content: url, action, at: occurredAt(message, receivedAt) }] };
  if (!known.urls.has(url)) {
    known.urls.add(url);
    const title = textOf(properties.title) ?? (message.type === "page" ? textOf(message.name) : undefined);
    const topics = topicsOf(properties.topics).map((name) => {
      if (!known.topics.has(topicKey(name))) {
        known.topics.set(topicKey(name), topicKey(name));
        records.topics!.push({ name });
      }
      return name;
    });
    records.content!.push(defined({ url, title, kind: kindOf(properties.kind), topics: topics.length > 0 ? topics : undefined }) as Records["content"][number]);
  }
  return { outcome: "RECORDED", records };
}

/** The person an event is about: the first email it gives that the workspace knows, else the person its userId was identified as. */
function personOf(message: Message, properties: Fields | undefined, known: Known): string | undefined {
  const candidates = [message.context?.traits?.email, properties?.email, message.userId];
  for (const candidate of candidates) {
    const email = emailOf(candidate);
    if (email !== undefined && known.emails.has(email)) return email;
  }
  return knownUser(message, known);
}

function knownUser(message: Message, known: Known): string | undefined {
  const email = message.userId == null ? undefined : known.users.get(message.userId);
  return email !== undefined && known.emails.has(email) ? email : undefined;
}

const emailSchema = z.string().trim().pipe(z.email());
function emailOf(value: unknown): string | undefined {
  const parsed = emailSchema.safeParse(value);
  return parsed.success ? lower(parsed.data) : undefined;
}

/** A trait or property kept as text: a non-empty string without control characters, at most 500 characters. */
function textOf(value: unknown): string | undefined {
  const parsed = text.max(500).safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
/** A domain as given, or the host of a website (without a leading www.). */
function domainOf(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const trimmed = value.trim().toLowerCase();
  let host = trimmed;
  try {
    host = new URL(trimmed.includes("://") ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/^www\./, "");
  return DOMAIN.test(host) ? host : undefined;
}

function companyOf(traits: Fields): Records["companies"][number] | undefined {
  const domain = domainOf(traits.domain) ?? domainOf(traits.website);
  if (domain === undefined) return undefined;
  const employees = traits.employees ?? traits.employee_count ?? traits.employeeCount;
  return defined({
    domain, name: textOf(traits.name), industry: textOf(traits.industry),
    employees: Number.isSafeInteger(employees) && (employees as number) >= 0 ? employees : undefined,
  }) as Records["companies"][number];
}

/**
 * traits.company: an object describing the company (Segment's spec), or its
 * name; without a domain or website of its own, the company is at the domain of
 * the person's email, unless that is free mail.
 */
function employerOf(value: unknown, email: string): Records["companies"][number] | undefined {
  const described = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
  const company = described && companyOf(described);
  if (company !== undefined) return company;
  const name = textOf(described ? described.name : value);
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return name === undefined || isFreeMailDomain(domain) ? undefined : { domain, name };
}

const TRACKING_PARAMETER = /^(utm_|gclid$|fbclid$|mc_eid$|mc_cid$)/;
/** Content is keyed by url: http(s) only, without its fragment or campaign-tracking parameters, so every visit of a page names one content. */
export function contentUrl(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  url.hash = "";
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  const result = url.toString();
  return result.length <= 2_000 ? result : undefined;
}

const KIND_ALIASES: Record<string, string> = { WHITEPAPER: "WHITE_PAPER", BLOG: "BLOG_POST", POST: "BLOG_POST", CASESTUDY: "CASE_STUDY", EBOOK: "REPORT" };
function kindOf(value: unknown): Records["content"][number]["kind"] {
  if (typeof value !== "string") return undefined;
  const upper = value.trim().toUpperCase().replace(/[^A-Z]+/g, "_").replace(/^_|_$/g, "");
  const kind = KIND_ALIASES[upper] ?? upper;
  return (CONTENT_KINDS as readonly string[]).includes(kind) ? (kind as Records["content"][number]["kind"]) : undefined;
}

/** properties.topics: a list of names, or one comma-separated string. */
function topicsOf(value: unknown): string[] {
  const names = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : [];
  return [...new Set(names.map(textOf).filter((name): name is string => name !== undefined))].slice(0, 20);
}

function defined<T extends Fields>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== "")) as T;
}
