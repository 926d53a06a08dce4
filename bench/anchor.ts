/**
 * npm run bench -- anchor [--workspace bench] [--runs 20] [--warmup 3] [--only PATTERN]
 *
 * Rapport beside the generic layer a team would otherwise pick: the same store
 * served through the Neo4j GraphQL Library (@neo4j/graphql, type definitions in
 * bench/anchor-schema.ts), asked the canonical questions it can express
 * (bench/questions.ts), in one alternating run: a Rapport request, then the
 * library's, run after run, so drift falls on both alike. Both are served
 * over HTTP from this process on node:http (the library through Apollo Server,
 * as Rapport is) and asked by the same keep-alive client, so the columns
 * compare the layers and not the transports. The timed requests are what a
 * list view asks: the first 20 by name, and the total.
 *
 * Before timing, each question's whole answer is read both ways (Rapport page
 * by page) and compared as a set of ids: "equal", or a loud MISMATCH with
 * examples, and the run fails. A question the library cannot express is
 * printed as skipped, with the reason.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { Driver } from "neo4j-driver";
import { loadConfig } from "../src/config.js";
import { openDb } from "../src/db/open.js";
import type { CompanyWhere, PersonWhere } from "../src/filters/types.js";
import { topicKey } from "../src/graph-document/normalize.js";
import { createLogger } from "../src/logger.js";
import { startServer } from "../src/server.js";
import {
  ANCHOR_ALL_COMPANIES, ANCHOR_ALL_PEOPLE, ANCHOR_COMPANIES, ANCHOR_PEOPLE, ANCHOR_TYPE_DEFS, anchorCompanyWhere, anchorPersonWhere, Inexpressible, TOPIC_IDS, type Resolved,
} from "./anchor-schema.js";
import { ms, percentiles, post, type GraphQLBody } from "./queries.js";
import { asked, benchmarkQuestions, type Question } from "./questions.js";

const SKIPPED: Record<string, string> = {
  prospects: "ranked by a score computed from the evidence (src/filters/prospects.ts): the library orders by stored fields only, and a @cypher field would be Rapport's Cypher, not the library's",
  paths: "introduction paths are the strongest paths by the product of strengths, which the library has no way to search",
  brief: "one person's record with introduction paths, not a filter",
};

export async function anchorBenchmark(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { workspace: { type: "string", default: "bench" }, runs: { type: "string", default: "20" }, warmup: { type: "string", default: "3" }, only: { type: "string" } },
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  const workspace = values.workspace;
  // Rate limits would throttle a benchmark's back-to-back requests as if they came from an abusive client.
  // The playground is not asked for.
  const env = { ...process.env, LOG_LEVEL: "silent", RAPPORT_RATE_LIMIT_PER_S: "0", RAPPORT_PLAYGROUND: "false" };
  const config = { ...loadConfig(env), port: 0, workspace, seedDemo: false };
  const { db, close } = await openDb(config, (line) => console.error(line));
  const rapport = await startServer({ config, db, logger: createLogger("silent") }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  const library = new ApolloServer({ schema: await new Neo4jGraphQL({ typeDefs: ANCHOR_TYPE_DEFS, driver: db.driver }).getSchema() });
  const { url: libraryUrl } = await startStandaloneServer(library, { listen: { port: 0, host: "127.0.0.1" } });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ask = async (url: string, query: string, variables: Record<string, unknown>, label: string): Promise<any> => {
    const body: GraphQLBody = await post(agent, url, JSON.stringify({ query, variables }), `bench-anchor-${label.replace(/\W+/g, "-")}`);
    if (body.errors) throw new Error(`${label}: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join("; ")}`);
    return body.data;
  };
  try {
    const questions = (await benchmarkQuestions(db.driver, db.database, workspace)).filter(asked(values.only));
    const resolved = await resolve(db.driver, db.database, workspace, questions);
    // Plans warmed at start are done before the clock starts: they would compete with the first runs.
    await rapport.plans.idle();
    console.log(`\n${questions.length} questions on workspace "${workspace}", ${runs} alternating runs each after ${warmup} warm-up runs`);
    console.log(`Rapport at ${rapport.url}; @neo4j/graphql at ${libraryUrl} (both over HTTP from this process)\n`);
    console.log(["question", "rows", "answers", "rapport p50", "rapport p95", "library p50", "library p95", "library/rapport p50", "p95"].join("\t"));
    let equal = 0;
    let compared = 0;
    const mismatches: string[] = [];
    for (const question of questions) {
      const anchor = anchorQuestion(question, resolved);
      if ("skipped" in anchor) {
        console.log(`${question.name}\tskipped: ${anchor.skipped}`);
        continue;
      }
      const ours = await rapportIds(question, (query, variables) => ask(rapport.url, query, variables, question.name));
      const theirs = new Set<string>(((await ask(libraryUrl, anchor.all, { where: anchor.where(new Date()) }, question.name)) as Record<string, { id: string }[]>)[anchor.field]!.map((row) => row.id));
      const difference = differenceOf(ours, theirs);
      compared += 1;
      if (difference) mismatches.push(`${question.name}: ${difference}`);
      else equal += 1;
      const times = { rapport: [] as number[], library: [] as number[] };
      for (let run = 0; run < warmup + runs; run++) {
        const timed = async (send: () => Promise<any>, total: (data: any) => number) => {
          const started = performance.now();
          const data = await send();
          const elapsed = performance.now() - started;
          if (total(data) !== ours.size) mismatches.push(`${question.name}: a timed answer counted ${total(data)}, the whole answer has ${ours.size}`);
          return elapsed;
        };
        const rapportMs = await timed(() => ask(rapport.url, question.query, question.variables, question.name), (data) => data[question.list!].totalCount);
        const libraryMs = await timed(() => ask(libraryUrl, anchor.page, { where: anchor.where(new Date()), first: 20 }, question.name), (data) => data[`${anchor.field}Connection`].totalCount);
        if (run >= warmup) {
          times.rapport.push(rapportMs);
          times.library.push(libraryMs);
        }
      }
      const [ourTimes, theirTimes] = [percentiles(times.rapport), percentiles(times.library)];
      console.log([
        question.name, ours.size, difference ? "NOT EQUAL" : "equal", ms(ourTimes.p50), ms(ourTimes.p95), ms(theirTimes.p50), ms(theirTimes.p95),
        `${(theirTimes.p50 / ourTimes.p50).toFixed(2)}×`, `${(theirTimes.p95 / ourTimes.p95).toFixed(2)}×`,
      ].join("\t"));
    }
    console.log(`\n${equal} of ${compared} id sets equal`);
    if (mismatches.length > 0) {
      console.error(`\n*** MISMATCH: Rapport and the library disagree ***\n${[...new Set(mismatches)].join("\n")}`);
      process.exitCode = 1;
    }
  } finally {
    agent.destroy();
    await library.stop();
    await rapport.stop();
    await close();
  }
}

interface AnchorQuestion {
  field: "people" | "companies";
  page: string;
  all: string;
  /** The library's filter, with "within N days" as of `now`. */
  where(now: Date): Record<string, unknown>;
}

function anchorQuestion(question: Question, resolved: Resolved): AnchorQuestion | { skipped: string } {
  if (!question.list) return { skipped: question.name.startsWith("Q5") ? SKIPPED.paths! : SKIPPED.brief! };
  if (question.list === "prospects") return { skipped: SKIPPED.prospects! };
  const filter = question.variables.where as PersonWhere & CompanyWhere;
  const where = question.list === "people" ? (now: Date) => anchorPersonWhere(filter, resolved, now) : (now: Date) => anchorCompanyWhere(filter, resolved, now);
  try {
    where(new Date());
  } catch (error) {
    if (error instanceof Inexpressible) return { skipped: error.message };
    throw error;
  }
  return question.list === "people"
    ? { field: "people", page: ANCHOR_PEOPLE, all: ANCHOR_ALL_PEOPLE, where }
    : { field: "companies", page: ANCHOR_COMPANIES, all: ANCHOR_ALL_COMPANIES, where };
}

/** Rapport's whole answer, page by page. */
async function rapportIds(question: Question, ask: (query: string, variables: Record<string, unknown>) => Promise<any>): Promise<Set<string>> {
  const type = question.list === "people" ? "PersonWhere" : "CompanyWhere";
  const query = `query($where: ${type}, $after: String) { list: ${question.list}(where: $where, first: 100, after: $after) {
    edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
  const ids = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const { list } = await ask(query, { where: question.variables.where, after });
    for (const edge of list.edges as { node: { id: string } }[]) ids.add(edge.node.id);
    if (!list.pageInfo.hasNextPage) return ids;
    after = list.pageInfo.endCursor as string;
  }
}

function differenceOf(ours: Set<string>, theirs: Set<string>): string | null {
  const onlyOurs = [...ours].filter((id) => !theirs.has(id));
  const onlyTheirs = [...theirs].filter((id) => !ours.has(id));
  if (onlyOurs.length === 0 && onlyTheirs.length === 0) return null;
  return `${ours.size} from Rapport, ${theirs.size} from the library; only Rapport's: ${onlyOurs.length} (${onlyOurs.slice(0, 3).join(", ")}), only the library's: ${onlyTheirs.length} (${onlyTheirs.slice(0, 3).join(", ")})`;
}

/** Topic names → ids (with narrower topics) and people → coordinates, for every question, read once before any timing. */
async function resolve(driver: Driver, database: string | undefined, workspace: string, questions: Question[]): Promise<Resolved> {
  const names = new Set<string>();
  const people = new Set<string>();
  const visit = (value: unknown, key = ""): void => {
    if (Array.isArray(value)) {
      if (key === "topics") value.forEach((name) => names.add(topicKey(String(name))));
      else value.forEach((item) => visit(item));
    } else if (value && typeof value === "object") {
      for (const [inner, child] of Object.entries(value)) {
        if (key === "near" && inner === "person" && typeof child === "string") people.add(child);
        visit(child, inner);
      }
    }
  };
  questions.forEach((question) => visit(question.variables));
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    const topics = new Map((await session.run(TOPIC_IDS, { workspace, names: [...names] })).records.map((r) => [r.get("name") as string, r.get("ids") as string[]]));
    const located = await session.run(`UNWIND $ids AS id MATCH (p:Person {workspace: $workspace, id: id})
      RETURN id, CASE WHEN p.location IS NULL THEN null ELSE {latitude: p.location.latitude, longitude: p.location.longitude} END AS at`, { workspace, ids: [...people] });
    const locations = new Map(located.records.map((r) => [r.get("id") as string, r.get("at") as { latitude: number; longitude: number } | null]));
    return {
      workspace,
      topicIds: (asked) => [...new Set(asked.flatMap((name) => topics.get(topicKey(name)) ?? []))],
      location: (id) => locations.get(id) ?? null,
    };
  } finally {
    await session.close();
  }
}
