/**
 * The companies and the people who work there. People are numbered so that
 * each company's staff is one contiguous block of indexes; a company's size
 * is heavy-tailed. Companies (≈ people / 8) are held in memory; a person is
 * rebuilt on demand from their index, so 100,000 people never sit in memory
 * at once. Memory: the company profiles plus one Int32Array of block starts.
 */
import { affinePermutation, Random } from "./random.js";
import {
  CITIES, COMPANY_ENDINGS, COMPANY_ROOTS, FIRST_NAMES, FOUNDER_TITLES, INDUSTRIES, LAST_NAMES, TITLES_BY_FUNCTION, TOPICS, type City,
} from "./vocabulary.js";

const PEOPLE_PER_COMPANY = 8;
/** Caps one company's share of the people, so no company outgrows the name space (first × last names). */
const MAX_COMPANY_WEIGHT = 400;
const EMAIL_DOMAIN_SUFFIX = ".example";

const COMPANY_STATUSES = [["PROSPECT", 60], ["CUSTOMER", 22], ["FORMER_CUSTOMER", 8], ["PARTNER", 10]] as const;
type CompanyStatus = (typeof COMPANY_STATUSES)[number][0];
type RelationshipLevel = "TRUSTED_ADVISER" | "PARTNER" | "CREDIBLE_SOURCE" | "TRANSACTIONAL" | "COMMODITY";
/** How a company perceives us follows from what it is to us: customers rate us higher than prospects. */
const LEVELS_BY_STATUS: Record<CompanyStatus, readonly (readonly [RelationshipLevel, number])[]> = {
  PROSPECT: [["COMMODITY", 3], ["TRANSACTIONAL", 4], ["CREDIBLE_SOURCE", 2], ["PARTNER", 0.5], ["TRUSTED_ADVISER", 0.2]],
  CUSTOMER: [["COMMODITY", 1], ["TRANSACTIONAL", 2], ["CREDIBLE_SOURCE", 4], ["PARTNER", 3], ["TRUSTED_ADVISER", 1.5]],
  FORMER_CUSTOMER: [["COMMODITY", 4], ["TRANSACTIONAL", 3], ["CREDIBLE_SOURCE", 1]],
  PARTNER: [["CREDIBLE_SOURCE", 2], ["PARTNER", 4], ["TRUSTED_ADVISER", 2]],
};
const FUNCTIONS = [["Sales Technology", 3], ["Customer Success", 2], ["Marketing", 2], ["Data & Analytics", 1.5], ["Security & Compliance", 1], ["Finance & Operations", 1]] as const;
const CITY_CHOICES = CITIES.map((city) => [city, city.weight] as const);
const COMPANY_NAME_WORDS = INDUSTRIES.flatMap(([industry, nameWords]) => nameWords.map((word) => ({ industry, word })));

export interface Place {
  city: string;
  country: string;
  location: { latitude: number; longitude: number };
}

export interface CompanyProfile extends Place {
  index: number;
  domain: string;
  name: string;
  industry: string;
  employees: number;
  status: CompanyStatus;
  relationshipLevel: RelationshipLevel;
  /** The first and last name of the company's n-th person: distinct for distinct n. */
  memberName(rank: number): readonly [first: string, last: string];
  /** The city the company is based in; most of its people live near it. */
  base: City;
}

export interface PersonProfile extends Place {
  email: string;
  name: string;
  title: string;
  company: CompanyProfile;
  since: string;
  interests: { topic: string; weight: number }[];
}

export interface Population {
  people: number;
  companies: readonly CompanyProfile[];
  /** The company whose block holds the person. */
  companyOf(person: number): number;
  /** The first person of a company's block (starts[companies.length] = people). */
  blockStart(company: number): number;
  emailOf(person: number): string;
  personAt(person: number): PersonProfile;
}

export function buildPopulation(people: number, seed: number, date: (daysAgo: number) => string): Population {
  const companyCount = Math.max(1, Math.round(people / PEOPLE_PER_COMPANY));
  const starts = companyBlocks(people, companyCount, new Random(seed, "company-sizes"));
  const companyName = affinePermutation(COMPANY_ROOTS.length * COMPANY_ENDINGS.length * COMPANY_NAME_WORDS.length, new Random(seed, "company-names"));
  const companies = Array.from({ length: companyCount }, (_, index) =>
    companyAt(index, companyName, (starts[index + 1] ?? 0) - (starts[index] ?? 0), new Random(seed, "company", index)),
  );

  const companyOf = (person: number): number => {
    let low = 0;
    let high = companyCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= person) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const member = (person: number) => {
    const company = companies[companyOf(person)];
    if (company === undefined || person < 0 || person >= people) throw new RangeError(`no person ${person}`);
    const rank = person - (starts[company.index] ?? 0);
    const [first, last] = company.memberName(rank);
    return { company, rank, first, last, email: `${first}.${last}@${company.domain}`.toLowerCase() };
  };

  return {
    people,
    companies,
    companyOf,
    blockStart: (company) => starts[company] ?? people,
    emailOf: (person) => member(person).email,
    personAt(person) {
      const { company, rank, first, last, email } = member(person);
      const random = new Random(seed, "person", person);
      const role = person === 0 ? { title: "Account Executive", field: "Sales Technology" } : jobOf(rank, random);
      const home = random.chance(0.85) ? company.base : random.weighted(CITY_CHOICES);
      return {
        email, name: `${first} ${last}`, title: role.title, company, since: date(random.int(30, 3650)),
        ...placeNear(home, 30, random), interests: interestsOf(role.field, random),
      };
    },
  };
}

/** Start index of each company's block: every company gets at least one person, the rest by a capped Pareto weight. */
function companyBlocks(people: number, companyCount: number, random: Random): Int32Array {
  const weights = Array.from({ length: companyCount }, () => Math.min(MAX_COMPANY_WEIGHT, Math.pow(random.nextPositive(), -1 / 1.2)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const starts = new Int32Array(companyCount + 1);
  let cumulative = 0;
  weights.forEach((weight, company) => {
    starts[company] = company + Math.floor(((people - companyCount) * cumulative) / total);
    cumulative += weight;
  });
  starts[companyCount] = people;
  const namePairs = FIRST_NAMES.length * LAST_NAMES.length;
  for (let company = 0; company < companyCount; company++) {
    if ((starts[company + 1] ?? 0) - (starts[company] ?? 0) > namePairs) throw new RangeError(`company ${company} has more people than distinct names`);
  }
  return starts;
}

function companyAt(index: number, companyName: (index: number) => number, staff: number, random: Random): CompanyProfile {
  const nameSpace = COMPANY_ROOTS.length * COMPANY_ENDINGS.length * COMPANY_NAME_WORDS.length;
  // Past the name space, names repeat and a number keeps the domain unique.
  const round = Math.floor(index / nameSpace);
  let code = companyName(index % nameSpace);
  const { industry, word } = COMPANY_NAME_WORDS[code % COMPANY_NAME_WORDS.length] ?? { industry: "", word: "" };
  code = Math.floor(code / COMPANY_NAME_WORDS.length);
  const brand = `${COMPANY_ROOTS[code % COMPANY_ROOTS.length]}${COMPANY_ENDINGS[Math.floor(code / COMPANY_ROOTS.length)]}`;
  const name = `${brand} ${word}`;
  const status = random.weighted(COMPANY_STATUSES);
  const base = random.weighted(CITY_CHOICES);
  const memberPair = affinePermutation(FIRST_NAMES.length * LAST_NAMES.length, random);
  return {
    index, name, industry, status, base,
    domain: `${name.replace(/ /g, "").toLowerCase()}${round > 0 ? round + 1 : ""}${EMAIL_DOMAIN_SUFFIX}`,
    employees: Math.max(staff * 3, Math.round(10 ** (1 + 3.7 * random.next() ** 1.8))),
    relationshipLevel: random.weighted(LEVELS_BY_STATUS[status]),
    ...placeNear(base, 8, random),
    memberName(rank) {
      const pair = memberPair(rank);
      return [FIRST_NAMES[Math.floor(pair / LAST_NAMES.length)] ?? "", LAST_NAMES[pair % LAST_NAMES.length] ?? ""];
    },
  };
}

/** The company's first person founded it; everyone else works in a function whose topics they tend to care about. */
function jobOf(rank: number, random: Random): { title: string; field: string } {
  const field = random.weighted(FUNCTIONS);
  if (rank === 0) return { title: random.pick(FOUNDER_TITLES), field };
  return { title: random.pick(TITLES_BY_FUNCTION[field] ?? []), field };
}

const TOPICS_BY_ROOT = new Map(TOPICS.filter((topic) => topic.root === topic.name).map((root) => [root.name, TOPICS.filter((topic) => topic.root === root.name)]));

function interestsOf(field: string, random: Random): { topic: string; weight: number }[] {
  const wanted = random.int(1, 3);
  const topics = new Set<string>();
  while (topics.size < wanted) {
    topics.add(random.pick(random.chance(0.7) ? (TOPICS_BY_ROOT.get(field) ?? TOPICS) : TOPICS).name);
  }
  return [...topics].map((topic) => ({ topic, weight: random.unit(0.3, 1) }));
}

/** A point uniformly within `radiusKm` of the city centre, to four decimals (about 10 m). */
function placeNear(city: City, radiusKm: number, random: Random): Place {
  const distance = radiusKm * Math.sqrt(random.next());
  const bearing = 2 * Math.PI * random.next();
  const latitude = city.latitude + (distance * Math.cos(bearing)) / 111.32;
  const longitude = city.longitude + (distance * Math.sin(bearing)) / (111.32 * Math.cos((city.latitude * Math.PI) / 180));
  return { city: city.name, country: city.country, location: { latitude: round4(latitude), longitude: round4(longitude) } };
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
