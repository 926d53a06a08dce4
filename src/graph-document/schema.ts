/**
 * The graph document, version 2 (docs/graph-document.md), as zod schemas:
 * one per record type. Every object is strict — an unknown field is an error,
 * because a typo must not lose data. Only natural-key fields are required.
 * The enumerations are exported for the rest of the code to reuse.
 */
import { z } from "zod";

export const COMPANY_STATUSES = ["PROSPECT", "CUSTOMER", "FORMER_CUSTOMER", "PARTNER"] as const;
export const RELATIONSHIP_LEVELS = ["TRUSTED_ADVISER", "PARTNER", "CREDIBLE_SOURCE", "TRANSACTIONAL", "COMMODITY"] as const;
export const CONTENT_KINDS = ["WHITE_PAPER", "BLOG_POST", "WEBINAR", "CASE_STUDY", "VIDEO", "REPORT"] as const;
export const ENGAGEMENT_ACTIONS = ["READ", "DOWNLOADED", "ATTENDED", "SHARED", "LIKED", "COMMENTED"] as const;
export const CONCERN_SOURCES = ["CALL", "EMAIL", "MEETING", "SOCIAL_POST", "SURVEY", "SUPPORT_TICKET", "NOTE"] as const;
export const CONCERN_LEVELS = ["ASPIRATION", "OUTCOME", "RESPONSIBILITY", "TASK", "BROKEN"] as const;
export const EVENT_TYPES = ["FUNDING", "LEADERSHIP_CHANGE", "ACQUISITION", "PRODUCT_LAUNCH", "LAYOFFS", "EXPANSION", "IPO"] as const;
export const FUNDING_STAGES = ["PRE_SEED", "SEED", "SERIES_A", "SERIES_B", "SERIES_C", "SERIES_D_PLUS", "DEBT", "GRANT"] as const;
export const PROMISE_STATUSES = ["OPEN", "KEPT", "BROKEN"] as const;
export const INTERACTION_KINDS = ["CALL", "EMAIL", "MEETING", "MESSAGE", "SOCIAL", "EVENT"] as const;
/** Relative to the interaction's `user`: SENT by them, RECEIVED by them; none for two-way interactions (meetings, calls). */
export const INTERACTION_DIRECTIONS = ["SENT", "RECEIVED"] as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A real calendar date, or a date-time with an explicit offset. */
export function isDocumentDate(value: string): boolean {
  const match = DATE.exec(value) ?? DATE_TIME.exec(value);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Rejects 2026-02-30, which Date would roll over to March. Counted rather
 * than round-tripped through Date: a million-person document has 25 million
 * dates, and building two Dates for each took an eighth of its checking.
 */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

// Control characters are refused so that KEY_SEPARATOR (normalize.ts) can never occur inside a key part.
export const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, "must not contain control characters");
export const documentDate = z.string().refine(isDocumentDate, "expected a date (2026-10-15) or a date-time with offset (2026-10-15T09:30:00Z)");
export const unitInterval = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
export const email = z.string().trim().pipe(z.email("invalid email"));
export const DOMAIN = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
export const domain = z.string().trim().regex(DOMAIN, "invalid domain");
/** A public profile page (LinkedIn and the like): an http(s) URL with a host and a path. */
const profileUrl = z.string().trim().pipe(z.url({ protocol: /^https?$/, error: "invalid profile URL" }))
  // zod runs a refinement even when the pipe before it failed, so the value may not parse here.
  .refine((url) => !URL.canParse(url) || new URL(url).pathname.replace(/\/+$/, "") !== "", "a profile URL names a page, not only a site");
/**
 * A person, by the key that identifies them: their email, else their profile
 * URL. The two never look alike (an email has no scheme), so one field holds either.
 */
const anyEmail = z.email();
const personRef = z.string().trim().min(1, "must not be empty")
  .refine((ref) => (/^https?:\/\//i.test(ref) ? profileUrl.safeParse(ref).success : anyEmail.safeParse(ref).success), "expected an email or a profile URL");
/**
 * A company, by the key that identifies it: its domain, else its name (a
 * reference that reads as a domain is a domain).
 */
const companyRef = text;
const notNegative = z.number().min(0, "must not be negative");
const location = z.strictObject({
  latitude: z.number().min(-90, "must be between -90 and 90").max(90, "must be between -90 and 90"),
  longitude: z.number().min(-180, "must be between -180 and 180").max(180, "must be between -180 and 180"),
});

export const TopicRecord = z.strictObject({
  name: text,
  aliases: z.array(text).optional(),
  broader: z.array(text).optional(),
});

/** A company's fields; CompanyRecord adds that it needs a key. */
export const CompanyFields = z.strictObject({
  domain: domain.optional(),
  name: text.optional(),
  industry: text.optional(),
  employees: notNegative.int("must be a whole number").optional(),
  city: text.optional(),
  country: text.optional(),
  location: location.optional(),
  status: z.enum(COMPANY_STATUSES).optional(),
  relationshipLevel: z.enum(RELATIONSHIP_LEVELS).optional(),
});
export const CompanyRecord = CompanyFields.refine((c) => c.domain !== undefined || c.name !== undefined, { error: "needs a domain, a name or both", path: ["domain"] });

/** A person's fields; PersonRecord adds that they need a key. */
export const PersonFields = z.strictObject({
  email: email.optional(),
  profileUrl: profileUrl.optional(),
  name: text.optional(),
  title: text.optional(),
  company: companyRef.optional(),
  since: documentDate.optional(),
  until: documentDate.optional(),
  city: text.optional(),
  country: text.optional(),
  location: location.optional(),
  interests: z.array(z.strictObject({ topic: text, weight: unitInterval.optional() })).optional(),
});
export const PersonRecord = PersonFields.refine((p) => p.email !== undefined || p.profileUrl !== undefined, { error: "needs an email, a profile URL or both", path: ["email"] });

export const ContentRecord = z.strictObject({
  url: z.string().trim().pipe(z.url("invalid url")),
  title: text.optional(),
  kind: z.enum(CONTENT_KINDS).optional(),
  topics: z.array(text).optional(),
  publishedAt: documentDate.optional(),
});

export const ConnectionRecord = z.strictObject({
  a: personRef,
  b: personRef,
  strength: unitInterval.optional(),
  since: documentDate.optional(),
  lastInteractionAt: documentDate.optional(),
});

export const EngagementRecord = z.strictObject({
  person: personRef,
  content: z.string().trim().min(1, "must not be empty"),
  action: z.enum(ENGAGEMENT_ACTIONS),
  at: documentDate,
});

export const ConcernRecord = z.strictObject({
  person: personRef,
  topic: text,
  text,
  expressedAt: documentDate,
  source: z.enum(CONCERN_SOURCES).optional(),
  severity: z.number().int("must be a whole number from 1 to 5").min(1, "must be from 1 to 5").max(5, "must be from 1 to 5").optional(),
  level: z.enum(CONCERN_LEVELS).optional(),
});

export const EventRecord = z.strictObject({
  company: companyRef,
  type: z.enum(EVENT_TYPES),
  stage: z.enum(FUNDING_STAGES).optional(),
  amountUsd: notNegative.optional(),
  occurredAt: documentDate,
});

export const PromiseRecord = z.strictObject({
  id: text.optional(),
  person: personRef.optional(),
  company: companyRef.optional(),
  text,
  madeAt: documentDate.optional(),
  dueAt: documentDate.optional(),
  status: z.enum(PROMISE_STATUSES).optional(),
});

export const UserRecord = z.strictObject({ email });

/**
 * One touch between someone on the team (`user`) and a person. `ref` names
 * the source (a Message-ID, or a calendar UID and occurrence start), so the
 * same message or meeting read twice is one interaction.
 */
export const InteractionRecord = z.strictObject({
  user: email,
  person: personRef,
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(INTERACTION_DIRECTIONS).optional(),
  at: documentDate,
  ref: text.max(1_000, "must be at most 1000 characters").optional(),
  notes: text.max(10_000, "must be at most 10000 characters").optional(),
});

/** Each section of the document and the schema of its records, in the order they are written. */
export const SECTIONS = {
  topics: TopicRecord,
  companies: CompanyRecord,
  people: PersonRecord,
  content: ContentRecord,
  connections: ConnectionRecord,
  engagements: EngagementRecord,
  concerns: ConcernRecord,
  events: EventRecord,
  promises: PromiseRecord,
  users: UserRecord,
  interactions: InteractionRecord,
} as const;

export type SectionName = keyof typeof SECTIONS;

/** Version 1 documents are version 2 documents without the keys version 2 added (profile URLs, companies by name). */
export const DOCUMENT_VERSIONS = [1, 2] as const;
export const DOCUMENT_VERSION = 2;
export type GraphDocument = { version: (typeof DOCUMENT_VERSIONS)[number] } & { [S in SectionName]?: z.input<(typeof SECTIONS)[S]>[] };
export type TopicRecord = z.output<typeof TopicRecord>;
export type CompanyRecord = z.output<typeof CompanyRecord>;
export type PersonRecord = z.output<typeof PersonRecord>;
export type ContentRecord = z.output<typeof ContentRecord>;
export type ConnectionRecord = z.output<typeof ConnectionRecord>;
export type EngagementRecord = z.output<typeof EngagementRecord>;
export type ConcernRecord = z.output<typeof ConcernRecord>;
export type EventRecord = z.output<typeof EventRecord>;
export type PromiseRecord = z.output<typeof PromiseRecord>;
export type UserRecord = z.output<typeof UserRecord>;
export type InteractionRecord = z.output<typeof InteractionRecord>;

export type CompanyStatus = (typeof COMPANY_STATUSES)[number];
export type RelationshipLevel = (typeof RELATIONSHIP_LEVELS)[number];
export type ContentKind = (typeof CONTENT_KINDS)[number];
export type EngagementAction = (typeof ENGAGEMENT_ACTIONS)[number];
export type ConcernSource = (typeof CONCERN_SOURCES)[number];
export type ConcernLevel = (typeof CONCERN_LEVELS)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type FundingStage = (typeof FUNDING_STAGES)[number];
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];

export type ParsedSections = { [S in SectionName]: z.output<(typeof SECTIONS)[S]>[] };
