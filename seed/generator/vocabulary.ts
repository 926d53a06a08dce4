/**
 * The word lists the scale generator draws from: names, places, industries,
 * job titles, the topic hierarchy and the sentences people say. Lists are
 * space- or line-separated strings so that a hundred names stay readable in a
 * few lines. People's and companies' names are plain ASCII because they also
 * become emails and domains.
 */

const words = (text: string): string[] => text.trim().split(/\s+/);

export const FIRST_NAMES = words(`
  James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
  Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra
  Mark Ashley Steven Emily Andrew Kimberly Joshua Donna Kevin Michelle Brian Carol George Amanda Timothy
  Melissa Ryan Deborah Jacob Stephanie Gary Rebecca Nicholas Laura Eric Sharon Jonathan Cynthia Priya
  Aisha Wei Mei Hiroshi Yuki Carlos Sofia Diego Lucia Ahmed Fatima Omar Leila Ivan Olga Lars Ingrid Pierre
  Camille Hans Greta Marco Giulia Kwame Amara Chidi Ngozi Raj Ananya Arjun Deepa Jin Hana Minh Linh Mateo
  Valentina Noah Emma Liam Olivia Ethan Ava Lucas Mia Elena Tariq`);

export const LAST_NAMES = words(`
  Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
  Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez
  Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker
  Hall Rivera Campbell Mitchell Carter Roberts Chen Wang Zhang Li Liu Kim Park Tanaka Suzuki Sato Patel
  Shah Singh Kumar Gupta Iyer Raman Okafor Adeyemi Okonkwo Mensah Haddad Khan Ali Hassan Novak Kowalski
  Schmidt Muller Fischer Weber Rossi Bianchi Dubois Laurent Silva Santos Costa Ferreira Andersson
  Johansson Larsen Nielsen Murphy Kelly Walsh Byrne Cohen Levi Tremblay Gagnon`);

/** A company is called root + ending + an industry word: "Northwind Health". */
export const COMPANY_ROOTS = words(`
  North Blue Iron Silver Bright Red Cedar Stone Clear Swift Green Gold Oak Pine River Sun Star High Deep
  Far West East Summit Harbor Maple Copper Falcon Orchard Quill Tide Kestrel Lumen Nova Vertex Zephyr
  Aster Birch Coral Ember Frost`);
export const COMPANY_ENDINGS = words("wind peak field gate bridge wave line ridge brook path light point");

/** Each industry with the words that end its companies' names. */
export const INDUSTRIES: readonly (readonly [industry: string, nameWords: string[]])[] = [
  ["Software", words("Software Labs Systems Cloud")],
  ["Healthcare", words("Health Medical Care")],
  ["Financial Services", words("Capital Financial Bank")],
  ["Insurance", words("Insurance Mutual")],
  ["Logistics", words("Logistics Freight")],
  ["Retail", words("Retail Commerce Goods")],
  ["Manufacturing", words("Industries Manufacturing Works")],
  ["Energy", words("Energy Power")],
  ["Telecommunications", words("Telecom Networks")],
  ["Education", words("Learning Academy")],
  ["Media", words("Media Studios")],
  ["Analytics", words("Analytics Data")],
  ["Professional Services", words("Consulting Partners Advisors")],
  ["Real Estate", words("Properties Realty")],
  ["Biotechnology", words("Bio Therapeutics")],
];

export interface City {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  /** How often companies are based here, relative to the other cities. */
  weight: number;
}

// name, country, latitude, longitude, weight
const CITY_TABLE = `
  San Francisco,US,37.7749,-122.4194,8   New York,US,40.7128,-74.006,9        Boston,US,42.3601,-71.0589,5
  Chicago,US,41.8781,-87.6298,5          Austin,US,30.2672,-97.7431,4         Seattle,US,47.6062,-122.3321,4
  Denver,US,39.7392,-104.9903,3          Atlanta,US,33.749,-84.388,3          Los Angeles,US,34.0522,-118.2437,5
  Toronto,CA,43.6532,-79.3832,4          Vancouver,CA,49.2827,-123.1207,2     Mexico City,MX,19.4326,-99.1332,2
  São Paulo,BR,-23.5505,-46.6333,3       London,GB,51.5074,-0.1278,7          Dublin,IE,53.3498,-6.2603,2
  Paris,FR,48.8566,2.3522,4              Berlin,DE,52.52,13.405,4             Munich,DE,48.1351,11.582,2
  Amsterdam,NL,52.3676,4.9041,3          Stockholm,SE,59.3293,18.0686,2       Madrid,ES,40.4168,-3.7038,2
  Zurich,CH,47.3769,8.5417,2             Tel Aviv,IL,32.0853,34.7818,2        Dubai,AE,25.2048,55.2708,2
  Bangalore,IN,12.9716,77.5946,4         Singapore,SG,1.3521,103.8198,3       Tokyo,JP,35.6762,139.6503,3
  Seoul,KR,37.5665,126.978,2             Sydney,AU,-33.8688,151.2093,3        Cape Town,ZA,-33.9249,18.4241,1
  Lagos,NG,6.5244,3.3792,1`;

export const CITIES: readonly City[] = CITY_TABLE.trim()
  .split(/\s{3,}|\n\s*/)
  .map((entry) => {
    const [name = "", country = "", latitude, longitude, weight] = entry.split(",");
    return { name, country, latitude: Number(latitude), longitude: Number(longitude), weight: Number(weight) };
  });

/**
 * The topic hierarchy as an outline: indentation means "narrower than the
 * topic above", `|` introduces aliases and `+` a further broader topic (the
 * hierarchy is a graph, not a tree). Roots come first so every `broader`
 * names a topic already listed.
 */
const TOPIC_OUTLINE = `
Sales Technology | sales tech
  CRM | customer relationship management
    Salesforce CRM | SFDC
    HubSpot CRM
    Microsoft Dynamics | Dynamics 365
  Sales Engagement
    Email Sequencing
  Revenue Intelligence | conversation intelligence
  Sales Forecasting | revenue forecasting
Customer Success | customer success management
  Churn | attrition | customer churn
    Churn Prediction
  Renewals | contract renewals
  Onboarding | customer onboarding
  Net Revenue Retention | NRR | net dollar retention
  Customer Health Scoring
Marketing
  Demand Generation | demand gen
    Account-Based Marketing | ABM
    Lead Scoring
  Content Marketing
  Marketing Automation
    Email Marketing
  Brand
Data & Analytics | data
  Business Intelligence | BI
    Dashboards
  Data Warehousing
    Snowflake
  Customer Data Platform | CDP
  Machine Learning | ML
    Generative AI | GenAI
Security & Compliance | security
  Data Privacy | GDPR + Data & Analytics
  Identity & Access Management | IAM
  SOC 2
Finance & Operations
  Pricing | pricing strategy
  Procurement
  Budget Planning
  Cloud Costs | FinOps`;

export interface TopicEntry {
  name: string;
  aliases: string[];
  broader: string[];
  /** The top-level topic this one descends from; people's job functions map to roots. */
  root: string;
}

export const TOPICS: readonly TopicEntry[] = parseOutline(TOPIC_OUTLINE);

function parseOutline(outline: string): TopicEntry[] {
  const path: TopicEntry[] = [];
  return outline
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const depth = (line.length - line.trimStart().length) / 2;
      const [names = "", ...moreBroader] = line.trim().split(" + ");
      const [name = "", ...aliases] = names.split(" | ");
      const parent = path[depth - 1];
      const entry = { name, aliases, broader: [...(parent ? [parent.name] : []), ...moreBroader], root: parent?.root ?? name };
      path[depth] = entry;
      return entry;
    });
}

/** Job titles by the root topic of the function they work in. */
export const TITLES_BY_FUNCTION: Readonly<Record<string, readonly string[]>> = {
  "Sales Technology": ["Account Executive", "Sales Director", "VP Sales", "Head of Sales Operations", "Sales Development Representative", "Chief Revenue Officer"],
  "Customer Success": ["Customer Success Manager", "VP Customer Success", "Head of Support", "Renewals Manager", "Director of Customer Experience"],
  Marketing: ["Marketing Manager", "VP Marketing", "Demand Generation Manager", "Content Strategist", "Chief Marketing Officer", "Field Marketing Manager"],
  "Data & Analytics": ["Data Engineer", "Head of Analytics", "Data Scientist", "BI Analyst", "Chief Data Officer"],
  "Security & Compliance": ["Security Engineer", "Chief Information Security Officer", "Compliance Manager", "IT Director"],
  "Finance & Operations": ["Chief Financial Officer", "Finance Manager", "Procurement Lead", "Controller", "Chief Operating Officer"],
};
export const FOUNDER_TITLES = ["Chief Executive Officer", "Co-Founder & CEO", "Managing Director", "President"];

/** Content titles by kind; {topic}, {n}, {year} and {industry} are filled in. */
export const CONTENT_TITLES: Readonly<Record<string, readonly string[]>> = {
  WHITE_PAPER: ["The {topic} Playbook", "A Practical Guide to {topic}", "{topic}: A Buyer's Guide", "Rethinking {topic} for {industry}"],
  BLOG_POST: ["{n} Ways to Improve {topic}", "What We Learned About {topic} This Year", "Why {topic} Matters Now"],
  WEBINAR: ["Live: {topic} in Practice", "{topic} Office Hours", "Ask the Experts: {topic}"],
  CASE_STUDY: ["How a {industry} Leader Rebuilt {topic}", "{topic} at Scale: a {industry} Story"],
  VIDEO: ["{topic} in {n} Minutes", "Demo: {topic} Done Right"],
  REPORT: ["State of {topic} {year}", "{topic} Benchmark Report {year}"],
};

/**
 * What people say, by the concern level each sentence expresses; {topic},
 * {n} and {quarter} are filled in, so most statements are distinct.
 */
export const CONCERN_STATEMENTS: Readonly<Record<string, readonly string[]>> = {
  ASPIRATION: [
    "We want {topic} to be something the board brags about",
    "I'd love us to set the standard for {topic} in our market",
    "Our goal is to make {topic} a real competitive advantage by {quarter}",
  ],
  OUTCOME: [
    "{topic} is dragging on revenue, down {n}% this year",
    "Leadership expects a {n}% improvement from {topic} by {quarter}",
    "We missed our {topic} target two quarters in a row",
  ],
  RESPONSIBILITY: [
    "My team owns {topic} and we are stretched thin",
    "I report on {topic} every week and the data is never ready",
    "Hiring for {topic} has stalled since {quarter}",
  ],
  TASK: [
    "Setting up {topic} reports takes {n} hours every month",
    "Too many manual steps in our {topic} process",
    "We still copy {topic} data into spreadsheets by hand",
  ],
  BROKEN: [
    "{topic} broke again after the last update",
    "Our {topic} integration has been down for {n} days",
    "Nobody trusts the {topic} numbers any more",
  ],
};

/** Commitments reps make; {topic} and {n} are filled in. */
export const PROMISE_TEXTS = [
  "Send the {topic} benchmark before the QBR",
  "Introduce our {topic} specialist",
  "Share a reference customer for {topic}",
  "Deliver a pricing proposal for {n} seats",
  "Follow up with the {topic} roadmap",
  "Set up a pilot focused on {topic}",
];
