/**
 * npm run bench -- queries [--workspace bench] [--runs 20] [--warmup 3] [--only PATTERN] [--signed-in] [--first-answer [--clears 3] [--warmed all|shared]]
 *
 * With --first-answer, instead: each question's first answer after the plan
 * cache is cleared, beside its warm answer (see bench/first-answer.ts).
 *
 * The canonical questions on a large generated graph (import it first:
 * `npm run bench -- import --people 100000 --seed 1 --workspace bench --keep`).
 * For each question it prints, side by side in one run:
 *   - p50/p95 end to end: a GraphQL request over HTTP to a Rapport server
 *     started in this process against the configured Neo4j. The client is
 *     node:http on a keep-alive connection: it shares the server's thread, and
 *     undici's fetch would add about 0.35 ms of its own CPU to every request
 *     (measured against a bare node:http server: 0.40 ms a request, against 0.06);
 *   - p50/p95 of the same question as raw Cypher: exactly the statements the
 *     server ran for that request (recorded at the driver), replayed right
 *     after it (so the two columns alternate run by run) through
 *     the driver in the same order and the same kind of transaction (auto-commit
 *     for reads), together where the server ran them together;
 *   - their ratio (p50 and p95), and Neo4j's db hits for those statements
 *     (PROFILE, summed over every operator);
 *   - first, what `{ __typename }` costs over HTTP: the HTTP and GraphQL
 *     layers with nothing to fetch;
 *   - where the filter statements started reading (src/filters/start-choice.ts:
 *     connected, team, everyone, every person, every company, events);
 *   - where the HTTP request spends the time no transaction is open (p50, ms):
 *     before the first transaction is asked for / between waves of statements /
 *     after the last transaction commits, so the gap between the two columns can be read.
 * People are named by id. Who asks still counts where a question has no
 * `connectedTo`: a whole-workspace ranking adds the asker's reach to its
 * scores when the asker is a person of the workspace. Without --signed-in
 * requests come as the dev-mode demo user, who is no one in a generated
 * workspace; with it, each is signed in with an API key of the questions'
 * "me" (a key made for the run and revoked after it), as a rep of the team
 * would ask, and its lookup is one more statement of every request.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import type { Driver, ManagedTransaction } from "neo4j-driver";
import { createApiKey, revokeApiKey } from "../src/auth/api-keys.js";
import { loadConfig } from "../src/config.js";
import { CypherCatalogue } from "../src/db/cypher.js";
import { openDb } from "../src/db/open.js";
import { Db } from "../src/db/run.js";
import { createLogger } from "../src/logger.js";
import { startServer } from "../src/server.js";
import { firstAnswers } from "./first-answer.js";
import { asked, benchmarkQuestions, benchmarkUserEmail, type Question } from "./questions.js";
import { recordingDriver, waves, type RecordedStatement } from "./recording-driver.js";

export async function queriesBenchmark(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: "string", default: "bench" },
      runs: { type: "string", default: "20" },
      warmup: { type: "string", default: "3" },
      only: { type: "string" },
      "first-answer": { type: "boolean", default: false },
      clears: { type: "string", default: "3" },
      warmed: { type: "string", default: "all" },
      "signed-in": { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  await measureQuestions(values.workspace, { runs, warmup, only: values.only, signedIn: values["signed-in"], firstAnswer: values["first-answer"] ? { clears: Number(values.clears), warmed: warmedOf(values.warmed) } : undefined }, {
    started: (questions, floor) => {
      console.log(`\n${questions} questions on workspace "${values.workspace}", ${runs} runs each after ${warmup} warm-up runs\n`);
      console.log(`GraphQL over HTTP with nothing to fetch ({ __typename }): p50 ${floor.p50.toFixed(2)} ms, p95 ${floor.p95.toFixed(2)} ms\n`);
      console.log(["question", "rows", "http p50", "http p95", "cypher p50", "cypher p95", "ratio p50", "ratio p95", "db hits", "stmts", "start", "outside db p50: before / between / after"].join("\t"));
    },
    measured: (name, figures) => console.log([
      name, figures.rows, ms(figures.http.p50), ms(figures.http.p95), ms(figures.raw.p50), ms(figures.raw.p95),
      ratio(figures.http.p50, figures.raw.p50), ratio(figures.http.p95, figures.raw.p95), figures.dbHits.toLocaleString("en-US"), figures.statements,
      figures.starts, figures.outside.map((part) => part.toFixed(1)).join(" / "),
    ].join("\t")),
  });
}

export type QuestionFigures = Awaited<ReturnType<typeof measure>>;

/**
 * Every canonical question on one workspace, through a server started in this
 * process (see the top of this file); with `firstAnswer`, their first answers
 * after the plan cache is cleared instead (bench/first-answer.ts).
 */
export async function measureQuestions(
  workspace: string,
  { runs, warmup, only, signedIn = false, firstAnswer }: { runs: number; warmup: number; only?: string; signedIn?: boolean; firstAnswer?: { clears: number; warmed: "all" | "shared" } },
  report: { started?: (questions: number, floor: { p50: number; p95: number }) => void; measured: (name: string, figures: QuestionFigures) => void },
): Promise<void> {
  // Rate limits would throttle back-to-back requests as if they came from an abusive client; the playground is not asked for.
  const env = { ...process.env, LOG_LEVEL: "silent", RAPPORT_RATE_LIMIT_PER_S: "0", RAPPORT_PLAYGROUND: "false" };
  const config = { ...loadConfig(env), port: 0, workspace, seedDemo: false };
  const { db, close } = await openDb(config, (line) => console.error(line));
  const recorder = recordingDriver(db.driver);
  const starting = async () => {
    const serverDb = new Db(recorder.driver, CypherCatalogue.load(), { database: db.database, txTimeoutMs: config.neo4jTxTimeoutMs, maxRetryMs: config.neo4jMaxRetryMs });
    return startServer({ config, db: serverDb, logger: createLogger("silent") });
  };
  const server = await starting().catch(async (error: unknown) => {
    // An open driver would keep the process from exiting after the error is printed.
    await close();
    throw error;
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let apiKey: { key: string; record: { id: string } } | undefined;
  try {
    const questions = (await benchmarkQuestions(db.driver, db.database, workspace)).filter(asked(only));
    if (signedIn) {
      const email = await benchmarkUserEmail(db.driver, db.database, workspace);
      apiKey = await createApiKey(db, { workspace, email, role: "READER" });
      console.log(`signed in as ${email} (an API key made for this run)`);
    }
    const authorization = apiKey && `Bearer ${apiKey.key}`;
    const ask = (body: string, requestId: string) => postAs(agent, server.url, body, requestId, authorization);
    // Plans warmed at start are done before the clock starts: they would compete with the first runs.
    await server.plans.idle();
    if (firstAnswer) {
      await firstAnswers(questions, ask, server, db.driver, db.database, { clears: firstAnswer.clears, runs, warmed: config.plans.warmSeconds > 0 ? firstAnswer.warmed : "nothing" });
      return;
    }
    const floor = await httpFloor((body) => ask(body, "bench-floor"), runs, warmup);
    report.started?.(questions.length, floor);
    for (const question of questions) {
      report.measured(question.name, await measure(question, ask, recorder, db.driver, db.database, runs, warmup));
    }
  } finally {
    agent.destroy();
    await server.stop();
    if (apiKey) await revokeApiKey(db, apiKey.record.id);
    await close();
  }
}

type Post = (body: string, requestId: string) => Promise<GraphQLBody>;
export interface GraphQLBody { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }

/** One GraphQL request; its body is parsed before the clock stops, as a client would need it. */
export function post(agent: http.Agent, url: string, body: string, requestId: string): Promise<GraphQLBody> {
  return postAs(agent, url, body, requestId, undefined);
}

/** The same, signed in when `authorization` is given. */
function postAs(agent: http.Agent, url: string, body: string, requestId: string, authorization: string | undefined): Promise<GraphQLBody> {
  const headers = { "content-type": "application/json", "x-request-id": requestId, ...(authorization && { authorization }) };
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as GraphQLBody));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * Each run is a request and then the raw replay of the statements that same
 * request ran, so drift over the runs (the JIT, Neo4j's caches, a noisy
 * neighbour) falls on both columns alike.
 */
async function measure(question: Question, send: Post, recorder: ReturnType<typeof recordingDriver>, driver: Driver, database: string | undefined, runs: number, warmup: number) {
  let statements: RecordedStatement[] = [];
  let rows = 0;
  const http: number[] = [];
  const raw: number[] = [];
  const outside: [number, number, number][] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const requestId = `bench-${question.name.replace(/\W+/g, "-")}-${run}`;
    const started = performance.now();
    const body = await send(JSON.stringify({ query: question.query, variables: question.variables }), requestId);
    const elapsed = performance.now() - started;
    if (body.errors) throw new Error(`${question.name}: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join("; ")}`);
    statements = recorder.take(requestId);
    rows = question.rows(body.data);
    const replayStarted = performance.now();
    for (const wave of waves(statements)) await Promise.all(wave.map((statement) => replay(driver, database, statement)));
    if (run >= warmup) {
      http.push(elapsed);
      raw.push(performance.now() - replayStarted);
      outside.push(timeOutsideDb(statements, started, started + elapsed));
    }
  }
  let dbHits = 0;
  for (const statement of statements) dbHits += await profiledDbHits(driver, database, statement.text, statement.params);
  const outsideP50 = [0, 1, 2].map((part) => percentiles(outside.map((parts) => parts[part]!)).p50);
  const starts = [...new Set(statements.flatMap((statement) => (statement.start ? [statement.start] : [])))].join(", ") || "-";
  return { rows, http: percentiles(http), raw: percentiles(raw), dbHits, statements: `${statements.length} in ${waves(statements).length} waves`, starts, outside: outsideP50 };
}

/** What the HTTP and GraphQL layers cost on their own, for reading the ratios of the fastest questions. */
async function httpFloor(send: (body: string) => Promise<GraphQLBody>, runs: number, warmup: number) {
  const times: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const started = performance.now();
    const body = await send(JSON.stringify({ query: "{ __typename }" }));
    if (body.errors) throw new Error(`{ __typename }: ${body.errors[0]!.message}`);
    if (run >= warmup) times.push(performance.now() - started);
  }
  return percentiles(times);
}

/** Of one request: the time before its first statement, between its waves of statements, and after its last. */
function timeOutsideDb(statements: RecordedStatement[], started: number, ended: number): [number, number, number] {
  const inWaves = waves(statements);
  if (inWaves.length === 0) return [ended - started, 0, 0];
  const starts = inWaves.map((wave) => Math.min(...wave.map((statement) => statement.requested)));
  const ends = inWaves.map((wave) => Math.max(...wave.map((statement) => statement.settled)));
  const between = starts.slice(1).reduce((total, start, i) => total + Math.max(0, start - ends[i]!), 0);
  return [starts[0]! - started, between, ended - ends[ends.length - 1]!];
}

async function replay(driver: Driver, database: string | undefined, { text, params, transaction }: RecordedStatement): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    if (transaction === "auto-commit") await session.run(text, params);
    else await session.executeRead((tx: ManagedTransaction) => tx.run(text, params));
  } finally {
    await session.close();
  }
}

interface ProfiledOperator { dbHits: number; children: ProfiledOperator[] }

async function profiledDbHits(driver: Driver, database: string | undefined, text: string, params: Record<string, unknown>): Promise<number> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    const result = await session.executeRead((tx: ManagedTransaction) => tx.run(`PROFILE ${text}`, params));
    const sum = (operator: ProfiledOperator): number => operator.dbHits + operator.children.reduce((total, child) => total + sum(child), 0);
    return result.summary.profile ? sum(result.summary.profile as unknown as ProfiledOperator) : 0;
  } finally {
    await session.close();
  }
}

export function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (http: number, raw: number) => `${(http / raw).toFixed(2)}×`;

function warmedOf(value: string | undefined): "all" | "shared" {
  if (value === "all" || value === "shared") return value;
  throw new Error(`--warmed is all or shared, not ${value}`);
}
