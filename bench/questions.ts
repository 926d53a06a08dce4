/**
 * The canonical questions of docs/domain.md as GraphQL operations on a generated
 * graph. The people they start from are found in the graph: the generated
 * user (the "me" of every question, a well-connected rep), a person of median
 * degree (what most people's networks look like), a person exactly three
 * connections from the user, and that person's employer.
 */
import type { Driver } from "neo4j-driver";
import { canonicalFilters, q1, type CanonicalFilter } from "../src/plans/canonical.js";

export interface Question {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** How many results the answer holds, to print beside the times. */
  rows(data: unknown): number;
  /** For a filtered list: which list, and its filter (variables.where). */
  list?: CanonicalFilter["list"];
}

const PEOPLE = `query($where: PersonWhere) { people(where: $where, first: 20) { totalCount edges { node { id name } } } }`;
const COMPANIES = `query($where: CompanyWhere) { companies(where: $where, first: 20) { totalCount edges { node { id name } } } }`;
const PROSPECTS = `query($where: PersonWhere!) { prospects(where: $where, first: 20) {
  totalCount edges { score node { id name } reasons { __typename summary weight } } } }`;
const PATHS = `query($from: ID, $to: ID, $toCompany: ID) {
  introductionPaths(from: $from, to: $to, toCompany: $toCompany, maxHops: 3, first: 5) { hops score people { id } } }`;
const BRIEF = `query($id: ID!, $me: ID!) {
  person(id: $id) {
    name title
    company { name status relationshipLevel events(first: 5) { type stage occurredAt } promises(status: OPEN) { text dueAt } }
    interests { weight topic { name } }
    engagements(first: 10) { action at content { title kind } }
    concerns(first: 10) { text expressedAt severity topic { name } }
    promises(status: OPEN) { text dueAt }
  }
  introductionPaths(from: $me, to: $id, maxHops: 3, first: 1) { score people { name } }
}`;

export async function benchmarkQuestions(driver: Driver, database: string | undefined, workspace: string): Promise<Question[]> {
  const { me, typical, far, farCompany, reach } = await startingPoints(driver, database, workspace);
  console.log(`me: ${reach.degree} connections, ${reach.twoHops.toLocaleString("en-US")} people within 2 hops; typical person: ${typical.degree} connections`);
  const people = (name: string, where: unknown): Question => ({ name, query: PEOPLE, variables: { where }, rows: (data) => count(data, "people"), list: "people" });
  const companies = (name: string, where: unknown): Question => ({ name, query: COMPANIES, variables: { where }, rows: (data) => count(data, "companies"), list: "companies" });
  const prospects = (name: string, where: unknown): Question => ({ name, query: PROSPECTS, variables: { where }, rows: (data) => count(data, "prospects"), list: "prospects" });
  const paths = (name: string, variables: Record<string, unknown>): Question => ({
    name, query: PATHS, variables, rows: (data) => (data as { introductionPaths: unknown[] }).introductionPaths.length,
  });
  const asked = (filter: CanonicalFilter): Question =>
    (filter.list === "people" ? people : filter.list === "companies" ? companies : prospects)(filter.name, filter.where);
  const canonical = canonicalFilters(me).map(asked);
  const at = (name: string) => canonical.findIndex((question) => question.name === name) + 1;
  // What most people's networks look like, beside the well-connected user's.
  canonical.splice(at("prospects Q1 2 hops"), 0, prospects("prospects Q1 2 hops, typical person", q1(typical.id, 2)));
  canonical.splice(at("Q1 2 hops"), 0, people("Q1 2 hops, typical person", q1(typical.id, 2)));
  canonical.splice(at("Q4 2 hops"), 0,
    paths("Q5 to a person 3 hops away", { from: me, to: far }),
    paths("Q5 to a company", { from: me, toCompany: farCompany }),
    { name: "Q6 brief", query: BRIEF, variables: { id: far, me }, rows: () => 1 });
  return canonical;
}

/**
 * Whether a question is one --only asks for: its name matches the regular
 * expression (a plain name matches every question whose name holds it;
 * `"^Q1 2 hops$"` matches that one alone).
 */
export function asked(only: string | undefined): (question: Question) => boolean {
  const pattern = only === undefined ? null : new RegExp(only);
  return (question) => pattern === null || pattern.test(question.name);
}

/** The generated user, the "me" of every question. */
const ME = "MATCH (u:Person:User {workspace: $workspace}) WITH u ORDER BY u.email LIMIT 1";

/** The email of the questions' "me", to sign in as. */
export async function benchmarkUserEmail(driver: Driver, database: string | undefined, workspace: string): Promise<string> {
  const { records } = await driver.executeQuery(`${ME} RETURN u.email AS email`, { workspace }, { database });
  if (!records[0]) throw new Error(`workspace "${workspace}" has no user to sign in as; import it with npm run bench -- import --workspace ${workspace} --keep`);
  return records[0].get("email") as string;
}

async function startingPoints(driver: Driver, database: string | undefined, workspace: string) {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    const one = async (text: string, params: Record<string, unknown>) => {
      const [record] = (await session.run(text, { workspace, ...params })).records;
      if (!record) throw new Error(`workspace "${workspace}" lacks what the benchmark needs; import it with npm run bench -- import --workspace ${workspace} --keep`);
      return record.toObject() as Record<string, any>;
    };
    const me = await one(`${ME} RETURN u.id AS id, COUNT { (u)-[:KNOWS]-() } AS degree,
      COUNT { MATCH (u)-[:KNOWS*1..2]-(p:Person) WHERE p <> u RETURN DISTINCT p } AS twoHops`, {});
    const typical = await one(`MATCH (p:Person {workspace: $workspace}) WITH p, COUNT { (p)-[:KNOWS]-() } AS degree
      ORDER BY degree, p.email WITH collect({id: p.id, degree: degree}) AS everyone RETURN everyone[size(everyone) / 2] AS person`, {});
    const far = await one(`MATCH (u:Person {workspace: $workspace, id: $me})
      MATCH (p:Person {workspace: $workspace}) WHERE EXISTS { (p)-[w:WORKS_AT]->(:Company) WHERE w.until IS NULL }
      WITH u, p ORDER BY p.email
      MATCH route = shortestPath((u)-[:KNOWS*..3]-(p)) WHERE length(route) = 3
      WITH p LIMIT 1
      MATCH (p)-[w:WORKS_AT]->(c:Company) WHERE w.until IS NULL
      RETURN p.id AS id, c.id AS company LIMIT 1`, { me: me.id });
    return {
      me: me.id as string,
      reach: { degree: Number(me.degree), twoHops: Number(me.twoHops) },
      typical: { id: typical.person.id as string, degree: Number(typical.person.degree) },
      far: far.id as string,
      farCompany: far.company as string,
    };
  } finally {
    await session.close();
  }
}

function count(data: unknown, field: string): number {
  return (data as Record<string, { edges: unknown[] }>)[field]!.edges.length;
}
