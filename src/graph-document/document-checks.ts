/**
 * The checks of a graph document, one record at a time, so that a document
 * of millions of records is checked without holding it (validate.ts drives
 * them over a stream):
 * - `shape`: the record's schema, and the keys of the records others refer to
 *   (people, companies, content, topics, users), with repeats among them;
 * - `references`, once those keys are all known: references that resolve
 *   neither in the document nor in the graph, self-connections, and repeats
 *   of the other records, kept as 53-bit hashes (hashed-keys.ts); a repeated
 *   hash is a suspect that `confirm` settles with the keys themselves;
 * - `finish`: cycles in the topic hierarchy.
 * Along the way, when the workspace is empty, `references` sums each
 * person's evidence bounds (evidence-sums.ts), which the import then writes
 * with them; elsewhere they would go unused.
 * Topics are few and are kept whole: their names and aliases resolve references.
 */
import { EvidenceSums } from "./evidence-sums.js";
import { HashedKeys, hash53 } from "./hashed-keys.js";
import {
  KEY_SEPARATOR, companyKey, companyNameKey, concernKey, eventKey, interactionKey, lower, personKey, profileKey, promiseKey, toInstant, topicKey, type TopicResolver,
} from "./normalize.js";
import { formatPath, parseRecord } from "./parse-record.js";
import type { ParsedSections, SectionName, TopicRecord } from "./schema.js";
import { checkTopicCycles, checkTopicNames, type Report } from "./topic-checks.js";

export interface Problem {
  path: string;
  message: string;
}

/** Natural keys already in the workspace; topicKeys maps a lower-cased name or alias to its topic's key. */
export interface KnownKeys {
  emails: ReadonlySet<string>;
  /** Normalised profile URL → the email of the person who has it (null: they have none). */
  profiles: ReadonlyMap<string, string | null>;
  domains: ReadonlySet<string>;
  /** companyNameKey of every company that has a name. */
  companyNames: ReadonlySet<string>;
  contentUrls: ReadonlySet<string>;
  topicKeys: ReadonlyMap<string, string>;
}

type Parsed<S extends SectionName> = ParsedSections[S][number];

/** The records whose repeats are kept as hashes: the field a repeat is reported at, its noun, and the record's key. */
const HASHED = {
  connections: { field: "b", noun: "connection", key: (k: Parsed<"connections">) => [personKey(k.a), personKey(k.b)].sort().join(KEY_SEPARATOR) },
  engagements: { field: "at", noun: "engagement", key: (e: Parsed<"engagements">) => [personKey(e.person), e.content, e.action, toInstant(e.at)].join(KEY_SEPARATOR) },
  concerns: {
    field: "text", noun: "concern",
    key: (k: Parsed<"concerns">, topic: TopicResolver) => concernKey(personKey(k.person), topic(k.topic) ?? topicKey(k.topic), toInstant(k.expressedAt), k.text),
  },
  events: { field: "occurredAt", noun: "event", key: (e: Parsed<"events">) => eventKey(companyKey(e.company), e.type, toInstant(e.occurredAt)) },
  promises: {
    field: "text", noun: "promise",
    key: (p: Parsed<"promises">) => promiseKey({ ...p, person: p.person && personKey(p.person), company: p.company && companyKey(p.company), madeAt: p.madeAt && toInstant(p.madeAt) }),
  },
  interactions: { field: "at", noun: "interaction", key: (k: Parsed<"interactions">) => interactionKey(lower(k.user), personKey(k.person), k.kind, toInstant(k.at), k.ref?.trim()) },
} as const;
type HashedSection = keyof typeof HASHED;

export class DocumentChecker {
  readonly topics: (TopicRecord | undefined)[] = [];
  private readonly people = new Map<string, number>();
  private readonly profiles = new Map<string, number>();
  private readonly companies = new Map<string, number>();
  private readonly companyNames = new Set<string>();
  private readonly urls = new Map<string, number>();
  private readonly users = new Map<string, number>();
  private peopleRecords = 0;
  private readonly summing: boolean;
  private sums: EvidenceSums | undefined;
  private resolver: TopicResolver | undefined;
  private hashes = new Map<HashedSection, HashedKeys>();
  /** Hashes seen twice, by section: `confirm` reads the records with these hashes again. */
  private suspects = new Map<HashedSection, Set<number>>();

  constructor(
    private readonly known: KnownKeys,
    private readonly report: Report,
  ) {
    this.summing = isEmptyWorkspace(known);
  }

  /**
   * The record as its schema reads it, its problems reported. An invalid
   * record takes part in the later checks without its faulty fields when
   * what is left is still a record, so that one typo does not also make every
   * reference to it "unknown"; otherwise it is left out (undefined).
   */
  shape(section: SectionName, index: number, value: unknown): unknown {
    const record = parseRecord(section, value, (path, message) => this.report(formatPath([section, index, ...path]), message));
    if (record !== undefined) this.keys(section, index, record);
    return record;
  }

  private keys(section: SectionName, i: number, record: unknown): void {
    if (section === "topics") {
      this.topics[i] = record as TopicRecord;
    } else if (section === "people") {
      const p = record as Parsed<"people">;
      this.peopleRecords = i + 1;
      this.unique(this.people, p.email === undefined ? profileKey(p.profileUrl as string) : lower(p.email), `people[${i}].email`, "person", "people", i);
      if (p.profileUrl !== undefined) this.unique(this.profiles, profileKey(p.profileUrl), `people[${i}].profileUrl`, "profileUrl", "people", i);
      checkProfileOwner(p, this.known, (message) => this.report(`people[${i}].profileUrl`, message));
    } else if (section === "companies") {
      const c = record as Parsed<"companies">;
      this.unique(this.companies, c.domain === undefined ? companyNameKey(c.name as string) : lower(c.domain), `companies[${i}].domain`, "company", "companies", i);
      if (c.name !== undefined) this.companyNames.add(ownCopy(companyNameKey(c.name)));
    } else if (section === "content") {
      this.unique(this.urls, (record as Parsed<"content">).url, `content[${i}].url`, "url", "content", i);
    } else if (section === "users") {
      this.unique(this.users, lower((record as Parsed<"users">).email), `users[${i}].email`, "user", "users", i);
    }
  }

  /** A repeated key is reported at its later record. */
  private unique(seen: Map<string, number>, key: string, path: string, noun: string, list: string, index: number): void {
    const earlier = seen.get(key);
    if (earlier !== undefined) this.report(path, `duplicate ${noun}: same as ${list}[${earlier}]`);
    else seen.set(ownCopy(key), index);
  }

  /** Once every topic is known: their names and aliases, and the topics they are narrower than. */
  resolveTopics(): TopicResolver {
    if (this.resolver) return this.resolver;
    const resolve = checkTopicNames(this.topics, this.known.topicKeys, this.report);
    this.topics.forEach((t, i) => t?.broader?.forEach((name, j) => {
      if (resolve(name) === undefined) this.report(`topics[${i}].broader[${j}]`, `unknown topic ${name}`);
    }));
    this.resolver = resolve;
    return resolve;
  }

  /** Forgets what `references` learned, to check them again from the start. */
  resetReferences(): void {
    this.resolver = undefined;
    this.sums = undefined;
    this.hashes = new Map();
    this.suspects = new Map();
  }

  /** Once the keys of every person, company, content and topic are known. */
  references(section: SectionName, i: number, record: unknown): void {
    if (record === undefined || section === "topics") return;
    const topic = this.resolveTopics();
    // Paths are built only for a problem: at a million people this runs 23 million times.
    if (section === "people") {
      const p = record as Parsed<"people">;
      if (p.company !== undefined) this.needCompany(section, i, "company", p.company);
      const interests = p.interests ?? [];
      interests.forEach((interest, j) => this.needTopic(section, i, `interests[${j}].topic`, interest.topic));
      const seen = new Map<string, number>();
      interests.forEach((interest, j) => this.unique(seen, topic(interest.topic) ?? topicKey(interest.topic), `people[${i}].interests[${j}].topic`, "interest", `people[${i}].interests`, j));
    } else if (section === "content") {
      (record as Parsed<"content">).topics?.forEach((name, j) => this.needTopic(section, i, `topics[${j}]`, name));
    } else if (section === "connections") {
      const k = record as Parsed<"connections">;
      this.needPerson(section, i, "a", k.a);
      this.needPerson(section, i, "b", k.b);
      if (personKey(k.a) === personKey(k.b)) this.report(`connections[${i}].b`, "a person cannot be connected to themselves");
    } else if (section === "engagements") {
      const e = record as Parsed<"engagements">;
      const person = this.needPerson(section, i, "person", e.person);
      if (person !== undefined && this.summing) this.evidence.addEngagement(person, e.action, e.at);
      if (!this.urls.has(e.content) && !this.known.contentUrls.has(e.content)) this.report(`engagements[${i}].content`, `unknown content ${e.content}`);
    } else if (section === "concerns") {
      const k = record as Parsed<"concerns">;
      const person = this.needPerson(section, i, "person", k.person);
      if (person !== undefined && this.summing) this.evidence.addConcern(person, k.severity, k.expressedAt);
      this.needTopic(section, i, "topic", k.topic);
    } else if (section === "events") {
      this.needCompany(section, i, "company", (record as Parsed<"events">).company);
    } else if (section === "promises") {
      const p = record as Parsed<"promises">;
      if (p.person === undefined && p.company === undefined) this.report(`promises[${i}]`, "needs a person, a company or both");
      if (p.person !== undefined) this.needPerson(section, i, "person", p.person);
      if (p.company !== undefined) this.needCompany(section, i, "company", p.company);
      if (p.id === undefined && p.madeAt === undefined) this.report(`promises[${i}].madeAt`, "required when the promise has no id");
    } else if (section === "users") {
      this.needPerson(section, i, "email", (record as Parsed<"users">).email);
    } else if (section === "interactions") {
      const k = record as Parsed<"interactions">;
      this.needPerson(section, i, "user", k.user);
      this.needPerson(section, i, "person", k.person);
      if (lower(k.user) === personKey(k.person)) this.report(`interactions[${i}].person`, "must be someone other than the user");
    }
    if (isHashed(section)) this.hashRepeat(section, record);
  }

  private needTopic(section: SectionName, i: number, field: string, name: string): void {
    if (this.resolveTopics()(name) === undefined) this.report(`${section}[${i}].${field}`, `unknown topic ${name}`);
  }

  /** The person's index in the document's people section, when it has them. */
  private needPerson(section: SectionName, i: number, field: string, ref: string): number | undefined {
    const key = personKey(ref);
    const index = this.people.get(key) ?? this.profiles.get(key);
    if (index === undefined && !this.known.emails.has(key) && !this.known.profiles.has(key)) this.report(`${section}[${i}].${field}`, `unknown person ${key}`);
    return index;
  }

  /** Each person's evidence bounds, as the references read so far add up (all of them, once `references` has seen every record); none summed unless the workspace is empty. */
  get evidence(): EvidenceSums {
    return (this.sums ??= new EvidenceSums(this.peopleRecords));
  }

  private needCompany(section: SectionName, i: number, field: string, ref: string): void {
    const key = companyKey(ref);
    if (!this.companies.has(key) && !this.companyNames.has(key) && !this.known.domains.has(key) && !this.known.companyNames.has(key)) {
      this.report(`${section}[${i}].${field}`, `unknown company ${ref.trim()}`);
    }
  }

  private hashRepeat(section: HashedSection, record: unknown): void {
    const keyOf = HASHED[section].key as (record: unknown, topic: TopicResolver) => string;
    const key = keyOf(record, this.resolveTopics());
    let hashes = this.hashes.get(section);
    // A section's records come together, so the sections before need their tables no more: at a
    // million people, those of the connections, engagements and concerns held 450 MB to the end.
    if (!hashes) this.hashes = new Map([[section, (hashes = new HashedKeys())]]);
    if (hashes.add(key)) return;
    let suspects = this.suspects.get(section);
    if (!suspects) this.suspects.set(section, (suspects = new Set()));
    suspects.add(hash53(key));
  }

  /** Whether some records may repeat another: then every record is offered to `confirm`, in document order. */
  get hasSuspects(): boolean {
    return this.suspects.size > 0;
  }

  /** Settles the suspects with the keys themselves: only records with a suspect hash are kept, by key. */
  confirmer(): (section: SectionName, index: number, record: unknown) => void {
    const firsts = new Map<HashedSection, Map<string, number>>();
    return (section, index, record) => {
      const suspects = isHashed(section) ? this.suspects.get(section) : undefined;
      if (!suspects || record === undefined || !isHashed(section)) return;
      const key = (HASHED[section].key as (record: unknown, topic: TopicResolver) => string)(record, this.resolveTopics());
      if (!suspects.has(hash53(key))) return;
      let first = firsts.get(section);
      if (!first) firsts.set(section, (first = new Map()));
      this.unique(first, key, `${section}[${index}].${HASHED[section].field}`, HASHED[section].noun, section, index);
    };
  }

  finish(): void {
    checkTopicCycles(this.topics, this.resolveTopics(), this.report);
  }
}

/**
 * The key as a string of its own. A key cut from the parser's text (V8 keeps
 * a substring as a view of its parent) would keep the whole megabyte it was
 * read from alive for as long as the key is kept.
 */
function ownCopy(key: string): string {
  return (" " + key).slice(1);
}

function isHashed(section: SectionName): section is HashedSection {
  return Object.hasOwn(HASHED, section);
}

/** Whether the workspace holds nothing an import could refer to: then the import takes the shortcuts of import-steps.ts (IntoEmpty). */
export function isEmptyWorkspace(known: KnownKeys): boolean {
  return known.emails.size === 0 && known.domains.size === 0 && known.contentUrls.size === 0 && known.topicKeys.size === 0;
}

/**
 * A profile URL belongs to one person. A record that gives an email and a
 * profile URL another person already has is refused rather than merged: two
 * records of one person are never joined silently. Someone
 * known by the profile alone gains the record's email, unless that email is
 * already someone else's.
 */
export function checkProfileOwner(person: { email?: string; profileUrl?: string }, known: KnownKeys, report: (message: string) => void): void {
  if (person.email === undefined || person.profileUrl === undefined) return;
  const url = profileKey(person.profileUrl);
  if (!known.profiles.has(url)) return;
  const owner = known.profiles.get(url) ?? null;
  const email = lower(person.email);
  if (owner !== null && owner !== email) report(`${url} is already the profile of ${owner}`);
  if (owner === null && known.emails.has(email)) report(`${url} is already the profile of another person than ${email} (one without an email): the two records would have to be merged first`);
}
