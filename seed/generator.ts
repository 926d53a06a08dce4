/**
 * The scale generator: realistic graph documents (version 2, using only the
 * keys version 1 had: emails and domains) of any size, for
 * benchmarks (100,000 people) and randomized differential tests (small sizes,
 * many seeds). The same options always give the same document, byte for byte:
 * randomness comes only from the seed and time only from `now`.
 *
 * `generateGraph` returns one generator function per section, in document
 * order; each call starts the section afresh and yields one record at a time.
 * Only companies (≈ people / 8) and content (≈ people / 50) are held in
 * memory; people are rebuilt from their index (generator/population.ts),
 * connections are drawn without remembering pairs (generator/connections.ts),
 * and engagements, concerns and events come from one small random stream per
 * person or company, de-duplicated within that person or company only.
 *
 * Scale: per person ≈ 15 connections (mean degree 30, heavy-tailed), 5
 * engagements over the last 365 days, 2 concerns; events for ≈ 30% of
 * companies over the last two years; one promise per 200 people. The user is
 * person 0, an account executive at the first company, which also publishes
 * all the content.
 */
import { DOCUMENT_VERSION, type GraphDocument, type SectionName } from "../src/graph-document/schema.js";
import { connectionPairs } from "./generator/connections.js";
import { buildPopulation } from "./generator/population.js";
import { Random } from "./generator/random.js";
import { CONCERN_STATEMENTS, CONTENT_TITLES, INDUSTRIES, PROMISE_TEXTS, TOPICS } from "./generator/vocabulary.js";

export interface GeneratorOptions {
  people: number;
  seed: number;
  now: Date;
}

export type RecordOf<S extends SectionName> = NonNullable<GraphDocument[S]>[number];
/** Only the sections, so `Object.entries(graph)` lists exactly the document's sections in order. */
export type GeneratedGraph = { readonly [S in SectionName]: () => Generator<RecordOf<S>> };

export const MAX_PEOPLE = 10_000_000;
const DAY_MS = 86_400_000;
const MEAN_ENGAGEMENTS = 5;
const MAX_ENGAGEMENTS = 60;
const EVENT_SHARE = 0.3;
const PEOPLE_PER_PROMISE = 200;

const CONTENT_KINDS = [["WHITE_PAPER", 3], ["BLOG_POST", 4], ["WEBINAR", 2], ["CASE_STUDY", 2], ["VIDEO", 2], ["REPORT", 1]] as const;
type ContentKind = (typeof CONTENT_KINDS)[number][0];
const CONTENT_PATHS: Record<ContentKind, string> = {
  WHITE_PAPER: "white-papers", BLOG_POST: "blog", WEBINAR: "webinars", CASE_STUDY: "case-studies", VIDEO: "videos", REPORT: "reports",
};
type Action = RecordOf<"engagements">["action"];
/** What people do with each kind of content. */
const ACTIONS_BY_KIND: Record<ContentKind, readonly (readonly [Action, number])[]> = {
  WHITE_PAPER: [["READ", 6], ["DOWNLOADED", 3], ["SHARED", 1]],
  BLOG_POST: [["READ", 14], ["LIKED", 3], ["SHARED", 2], ["COMMENTED", 1]],
  WEBINAR: [["ATTENDED", 8], ["SHARED", 1], ["COMMENTED", 1]],
  CASE_STUDY: [["READ", 7], ["DOWNLOADED", 2], ["SHARED", 1]],
  VIDEO: [["READ", 4], ["LIKED", 3], ["SHARED", 2], ["COMMENTED", 1]],
  REPORT: [["READ", 5], ["DOWNLOADED", 4], ["SHARED", 1]],
};
const CONCERN_LEVELS = [["ASPIRATION", 2], ["OUTCOME", 3], ["RESPONSIBILITY", 3], ["TASK", 2], ["BROKEN", 2]] as const;
/** Severity centres by level: what is broken hurts more than what someone hopes for. */
const SEVERITY_BY_LEVEL = { ASPIRATION: 2, OUTCOME: 3, RESPONSIBILITY: 3, TASK: 2, BROKEN: 4 } as const;
const CONCERN_SOURCES = [["CALL", 4], ["EMAIL", 3], ["MEETING", 3], ["SOCIAL_POST", 1], ["SURVEY", 1], ["SUPPORT_TICKET", 2], ["NOTE", 2]] as const;
const EVENT_TYPES = [["FUNDING", 35], ["LEADERSHIP_CHANGE", 20], ["PRODUCT_LAUNCH", 15], ["EXPANSION", 12], ["LAYOFFS", 8], ["ACQUISITION", 7], ["IPO", 3]] as const;
type FundingStage = NonNullable<RecordOf<"events">["stage"]>;
/** Rounds a company of a given headcount would raise, and their sizes in millions of dollars. */
const STAGES_BY_HEADCOUNT: readonly (readonly [maxEmployees: number, stages: readonly FundingStage[]])[] = [
  [30, ["PRE_SEED", "SEED", "GRANT"]],
  [150, ["SEED", "SERIES_A", "SERIES_B"]],
  [1000, ["SERIES_A", "SERIES_B", "SERIES_C", "DEBT"]],
  [Infinity, ["SERIES_C", "SERIES_D_PLUS", "DEBT"]],
];
const ROUND_MILLIONS: Record<FundingStage, readonly [number, number]> = {
  PRE_SEED: [0.3, 1.5], SEED: [1, 5], SERIES_A: [5, 20], SERIES_B: [15, 60], SERIES_C: [40, 150], SERIES_D_PLUS: [100, 500], DEBT: [5, 100], GRANT: [0.1, 2],
};
const TOPIC_BY_NAME = new Map(TOPICS.map((topic) => [topic.name, topic]));

interface ContentProfile {
  url: string;
  title: string;
  kind: ContentKind;
  topics: string[];
  publishedDaysAgo: number;
}

export function generateGraph(options: GeneratorOptions): GeneratedGraph {
  const { people, seed, now } = options;
  if (!Number.isInteger(people) || people < 1 || people > MAX_PEOPLE) throw new RangeError(`people must be an integer from 1 to ${MAX_PEOPLE}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError("seed must be a safe integer");
  if (Number.isNaN(now.getTime())) throw new RangeError("now must be a valid date");
  // Whole seconds, so every instant prints without milliseconds.
  const nowMs = Math.floor(now.getTime() / 1000) * 1000;
  const date = (daysAgo: number) => new Date(nowMs - daysAgo * DAY_MS).toISOString().slice(0, 10);
  const instant = (secondsAgo: number) => new Date(nowMs - secondsAgo * 1000).toISOString().replace(".000Z", "Z");
  const fill = (template: string, random: Random, topic: string) =>
    template
      .replace("{topic}", topic)
      .replace("{n}", String(random.int(2, 40)))
      .replace("{quarter}", `Q${random.int(1, 4)}`)
      .replace("{year}", String(new Date(nowMs).getUTCFullYear()))
      .replace("{industry}", random.pick(INDUSTRIES)[0]);

  const population = buildPopulation(people, seed, date);
  const { companies, emailOf, personAt } = population;
  const catalogue = contentCatalogue(Math.max(20, Math.round(people / 50)), companies[0]?.domain ?? "", new Random(seed, "content"), fill);
  const contentByTopic = new Map<string, ContentProfile[]>();
  for (const item of catalogue) {
    for (const topic of item.topics) contentByTopic.set(topic, [...(contentByTopic.get(topic) ?? []), item]);
  }

  return {
    *topics() {
      for (const { name, aliases, broader } of TOPICS) {
        yield { name, ...(aliases.length > 0 && { aliases }), ...(broader.length > 0 && { broader }) };
      }
    },
    *companies() {
      for (const { domain, name, industry, employees, city, country, location, status, relationshipLevel } of companies) {
        yield { domain, name, industry, employees, city, country, location, status, relationshipLevel };
      }
    },
    *people() {
      for (let index = 0; index < people; index++) {
        const { email, name, title, company, since, city, country, location, interests } = personAt(index);
        yield { email, name, title, company: company.domain, since, city, country, location, interests };
      }
    },
    *content() {
      for (const { url, title, kind, topics, publishedDaysAgo } of catalogue) yield { url, title, kind, topics, publishedAt: date(publishedDaysAgo) };
    },
    *connections() {
      const random = new Random(seed, "ties");
      for (const { a, b, colleagues } of connectionPairs(population, seed)) {
        // Colleagues are closer; a strong tie was talked to recently, a weak one maybe years ago.
        const strength = colleagues ? random.unit(0.35, 0.95) : Math.round((0.05 + 0.9 * random.next() ** 1.7) * 100) / 100;
        const knownDays = random.int(30, 4000);
        const lastDays = Math.floor(knownDays * random.next() ** (1 + 4 * strength));
        yield { a: emailOf(a), b: emailOf(b), strength, since: date(knownDays), lastInteractionAt: date(lastDays) };
      }
    },
    *engagements() {
      for (let index = 0; index < people; index++) {
        const { email, interests } = personAt(index);
        const random = new Random(seed, "engagements", index);
        const seen = new Set<string>();
        for (let n = Math.min(MAX_ENGAGEMENTS, Math.round(random.exponential(MEAN_ENGAGEMENTS))); n > 0; n--) {
          // Most of what people engage with is about what interests them.
          const aboutInterest = random.chance(0.6) ? contentByTopic.get(random.pick(interests).topic) : undefined;
          const item = random.pick(aboutInterest ?? catalogue);
          const action = random.weighted(ACTIONS_BY_KIND[item.kind]);
          const at = instant(random.int(0, Math.min(365, item.publishedDaysAgo) * 86_400 - 1));
          const key = `${item.url} ${action} ${at}`;
          if (seen.has(key)) continue;
          seen.add(key);
          yield { person: email, content: item.url, action, at };
        }
      }
    },
    *concerns() {
      for (let index = 0; index < people; index++) {
        const { email, interests } = personAt(index);
        const random = new Random(seed, "concerns", index);
        const seen = new Set<string>();
        for (let n = random.int(1, 3); n > 0; n--) {
          const interest = random.chance(0.65) ? TOPIC_BY_NAME.get(random.pick(interests).topic) : undefined;
          const topic = interest ?? random.pick(TOPICS);
          // People name topics their own way; an alias must resolve like the name.
          const said = topic.aliases.length > 0 && random.chance(0.2) ? random.pick(topic.aliases) : topic.name;
          const level = random.weighted(CONCERN_LEVELS);
          const text = fill(random.pick(CONCERN_STATEMENTS[level] ?? []), random, said);
          const expressedAt = date(random.int(0, 364));
          const key = `${topic.name} ${expressedAt} ${text}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const severity = Math.min(5, Math.max(1, SEVERITY_BY_LEVEL[level] + random.int(-1, 1)));
          yield { person: email, topic: said, text, expressedAt, source: random.weighted(CONCERN_SOURCES), severity, level };
        }
      }
    },
    *events() {
      for (const { index, domain, employees } of companies) {
        const random = new Random(seed, "events", index);
        if (!random.chance(EVENT_SHARE)) continue;
        const seen = new Set<string>();
        for (let n = random.int(1, 3); n > 0; n--) {
          const type = random.weighted(EVENT_TYPES);
          const occurredAt = date(random.int(0, 729));
          if (seen.has(`${type} ${occurredAt}`)) continue;
          seen.add(`${type} ${occurredAt}`);
          if (type === "FUNDING") {
            const stage = random.pick<FundingStage>(STAGES_BY_HEADCOUNT.find(([max]) => employees <= max)?.[1] ?? ["SEED"]);
            const [low, high] = ROUND_MILLIONS[stage];
            yield { company: domain, type, stage, amountUsd: Math.round((low + (high - low) * random.next()) * 10) * 100_000, occurredAt };
          } else if (type === "IPO" || (type === "ACQUISITION" && random.chance(0.5))) {
            yield { company: domain, type, amountUsd: random.int(5, 2000) * 1_000_000, occurredAt };
          } else {
            yield { company: domain, type, occurredAt };
          }
        }
      }
    },
    *promises() {
      const random = new Random(seed, "promises");
      const count = Math.max(3, Math.round(people / PEOPLE_PER_PROMISE));
      for (let n = 1; n <= count; n++) {
        const { email, company, interests } = personAt(random.int(0, people - 1));
        const madeDays = random.int(0, 180);
        const dueDays = madeDays - random.int(7, 45);
        // A promise not yet due is open (or kept early); an overdue one was mostly kept.
        const status = dueDays < 0 ? (random.chance(0.9) ? "OPEN" : "KEPT") : random.weighted([["KEPT", 6], ["BROKEN", 2], ["OPEN", 2]] as const);
        yield {
          id: `crm-${String(n).padStart(6, "0")}`, person: email, company: company.domain,
          text: fill(random.pick(PROMISE_TEXTS), random, random.pick(interests).topic), madeAt: date(madeDays), dueAt: date(dueDays), status,
        };
      }
    },
    *users() {
      yield { email: emailOf(0) };
    },
    // Its connections carry their strengths; interactions at scale come from a generated mailbox (seed/generator/mailbox.ts).
    *interactions() {},
  };
}

/** The whole document as one object, for small sizes (tests); empty sections are left out, as the writer does. */
export function collectGraph(options: GeneratorOptions): GraphDocument {
  const graph = generateGraph(options);
  const document: Record<string, unknown> = { version: DOCUMENT_VERSION };
  for (const [name, records] of Object.entries(graph)) {
    const all = [...records()];
    if (all.length > 0) document[name] = all;
  }
  return document as GraphDocument;
}

function contentCatalogue(count: number, publisher: string, random: Random, fill: (template: string, random: Random, topic: string) => string): ContentProfile[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = random.weighted(CONTENT_KINDS);
    const first = random.pick(TOPICS);
    // Content about several topics keeps to one family: a CRM paper may touch Sales Forecasting, not SOC 2.
    const family = TOPICS.filter((topic) => topic.root === first.root);
    const topics = new Set([first.name]);
    for (let more = random.int(0, 2); more > 0; more--) topics.add(random.pick(family).name);
    const title = fill(random.pick(CONTENT_TITLES[kind] ?? []), random, first.name);
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const url = `https://www.${publisher}/${CONTENT_PATHS[kind]}/${slug}-${index + 1}`;
    return { url, title, kind, topics: [...topics], publishedDaysAgo: random.int(1, 1095) };
  });
}
