/**
 * npm run bench -- queries --first-answer [--clears 3] [--runs 20] [--only PATTERN]
 *
 * The first answer of a filter shape Neo4j has not planned yet, beside the
 * same question once planned. Each clear is `CALL db.clearQueryCaches()`, which
 * empties the plan cache of the whole database: run it on a Neo4j where no
 * one else is measuring. Three ways, chosen by the server's setting and --warmed:
 *   - RAPPORT_WARM_PLANS_SECONDS=0 (nothing warmed): the caches are cleared
 *     before each question, and its first request plans every statement it runs;
 *   - warming on (the default) and --warmed all (the default): each round
 *     clears the caches, runs what a starting server runs (src/plans/warm.ts)
 *     to the end, and then asks every question once, as the first users after
 *     a start would;
 *   - warming on and --warmed shared: the caches are cleared before each
 *     question, and only the statements every filter of a kind shares
 *     (PlanWarmer.shared: the lookups a request reads beside its filter's
 *     statements and the estimates, and before a ranking its scoring) are planned again, so each question's own statements are a shape
 *     Neo4j has not seen, on a server that has warmed: a never-seen filter.
 * Then one request of each question, not measured (a clear may have followed
 * its last first answer), and `runs` more give the warm figure.
 */
import type { Driver } from "neo4j-driver";
import type { RunningServer } from "../src/server.js";
import type { Question } from "./questions.js";
import { ms, percentiles, type GraphQLBody } from "./queries.js";

type Send = (body: string, requestId: string) => Promise<GraphQLBody>;

export type Warmed = "nothing" | "shared" | "all";

export async function firstAnswers(questions: Question[], send: Send, server: RunningServer, driver: Driver, database: string | undefined, options: { clears: number; runs: number; warmed: Warmed }) {
  const clear = async () => {
    const session = driver.session({ database });
    try {
      await session.run("CALL db.clearQueryCaches()");
    } finally {
      await session.close();
    }
  };
  const failures = new Map<string, string[]>(questions.map((question) => [question.name, []]));
  /** The time of one request, or undefined when it failed (a timeout of a cold plan is a figure too: it is counted). */
  const ask = async (question: Question, label: string) => {
    const started = performance.now();
    const body = await send(JSON.stringify({ query: question.query, variables: question.variables }), `bench-first-${label}`);
    const elapsed = performance.now() - started;
    if (!body.errors) return elapsed;
    failures.get(question.name)!.push(body.errors.map((e) => e.extensions?.code ?? e.message).join("; "));
    return undefined;
  };
  const timed = (times: (number | undefined)[]) => times.filter((time): time is number => time !== undefined);
  const warmedText = { nothing: "nothing (RAPPORT_WARM_PLANS_SECONDS=0)", shared: "only what every filter of a kind shares, before each question (the rankings' scoring before rankings only)", all: "all, at each round's start" };
  console.log(`first answers after CALL db.clearQueryCaches(), ${options.clears} clears; plans warmed: ${warmedText[options.warmed]}\n`);
  const first = new Map<string, number[]>(questions.map((question) => [question.name, []]));
  const warmingMs: number[] = [];
  const warm = async (withScoring = true) => {
    const report = options.warmed === "shared" ? await server.plans.shared(withScoring) : await server.plans.atStart();
    if (!withScoring) return;
    warmingMs.push(report.ms);
    if (warmingMs.length === 1) console.log(`warming: ${report.planned} statements planned, ${report.failed} failed, ${report.skipped} left for lack of time`);
  };
  await server.plans.idle();
  for (let round = 0; round < options.clears; round++) {
    if (options.warmed === "all") {
      await clear();
      await warm();
    }
    for (const question of questions) {
      if (options.warmed !== "all") await clear();
      // What every filter shares is planned again after the clear, as a server that has warmed keeps it: all of it
      // before a ranking, and without the rankings' scoring (most of it, about 20 s) before any other question.
      if (options.warmed === "shared") await warm(question.list === "prospects");
      const time = await ask(question, `${round}`);
      if (time !== undefined) first.get(question.name)!.push(time);
    }
  }
  if (options.warmed !== "nothing") console.log(`warming took p50 ${ms(percentiles(warmingMs).p50)}, p95 ${ms(percentiles(warmingMs).p95)} (in the background: requests are served meanwhile)\n`);
  console.log(["question", "first p50", "first p95", "warm p50", "warm p95", "first/warm p50", "failed"].join("\t"));
  for (const question of questions) {
    // Not measured: the last clear may have come after this question's last first answer.
    await ask(question, "warming");
    const warm: (number | undefined)[] = [];
    for (let run = 0; run < options.runs; run++) warm.push(await ask(question, `warm-${run}`));
    const [cold, hot] = [percentiles(first.get(question.name)!), percentiles(timed(warm))];
    const failed = failures.get(question.name)!;
    console.log([question.name, ms(cold.p50), ms(cold.p95), ms(hot.p50), ms(hot.p95), `${(cold.p50 / hot.p50).toFixed(2)}×`, failed.length > 0 ? failed.join(", ") : "none"].join("\t"));
  }
}
