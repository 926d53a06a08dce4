/**
 * npm run bench -- load [--workspace bench] [--concurrency 1,8,32] [--seconds 15] [--mixes questions,mixed,writes]
 *                       [--flood 0] [--write-seconds 15] [--soak-minutes 0]
 *
 * Steady load on a generated graph (import it first:
 * `npm run bench -- import --people 100000 --seed 1 --workspace bench --keep`).
 * Starts the real server (src/main.ts) as its own process on a free port of
 * 127.0.0.1 (tests/support/server-process.ts) against the configured Neo4j, so its memory is its own, and for
 * each mix and each concurrency drives it for `--seconds` from that many
 * clients at once, printing requests/s, p50/p95/p99, errors by code and the
 * server's RSS before and after. The mixes:
 *   questions  the canonical questions of bench/questions.ts, in turn;
 *   mixed      the same, with every fifth request an upsertPerson;
 *   writes     upsertPerson only, each a new person.
 * With --flood N, N whole-workspace prospect lists sent at once, with
 * /health, /ready and /metrics timed while they run: how many were served,
 * refused (503) or timed out, and how long the probes took.
 * Then the write path at concurrency 16 (bench/write-path.ts): single-fact
 * mutations/s, and what the time goes to (`--write-seconds 0` skips it). With --soak-minutes N, a soak of
 * the mixed load at concurrency 16, with the RSS every minute. At the end, the statements admission control
 * refused, by reason (the server's /metrics).
 * Requests sign in in dev mode, which is not rate limited; the people it
 * writes are removed afterwards.
 */
import type { ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { openDb } from "../src/db/open.js";
import { drive, once, rssMb, summary, type Sent } from "./load-driver.js";
import { benchmarkQuestions, type Question } from "./questions.js";
import { startServerProcess } from "../tests/support/server-process.js";
import { upsertBody, writePathBenchmark, WRITTEN_DOMAIN } from "./write-path.js";

export async function loadBenchmark(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: "string", default: "bench" },
      concurrency: { type: "string", default: "1,8,32" },
      seconds: { type: "string", default: "15" },
      mixes: { type: "string", default: "questions,mixed,writes" },
      "write-seconds": { type: "string", default: "15" },
      "soak-minutes": { type: "string", default: "0" },
      flood: { type: "string", default: "0" },
    },
  });
  const workspace = values.workspace;
  const seconds = Number(values.seconds);
  const config = loadConfig();
  const { db, close } = await openDb(config, (line) => console.error(line));
  const server = await startServer(workspace);
  const run = Date.now().toString(36);
  try {
    const questions = await benchmarkQuestions(db.driver, db.database, workspace);
    const ask = (question: Question): Sent => ({ body: JSON.stringify({ query: question.query, variables: question.variables }) });
    const write = (client: number, i: number) => upsertBody(`w-${run}-${client}-${i}@${WRITTEN_DOMAIN}`);
    const mixes: Record<string, (client: number, i: number) => Sent> = {
      questions: (client, i) => ask(questions[(client * 7 + i) % questions.length]!),
      mixed: (client, i) => (i % 5 === 4 ? write(client, i) : ask(questions[(client * 7 + i) % questions.length]!)),
      writes: write,
    };
    console.log(`\nload on workspace "${workspace}": ${questions.length} questions; ${seconds} s per mix and concurrency; server pid ${server.process.pid}`);
    // Each question once, so that Neo4j's plans and caches and the server's JIT are warm before anything is timed.
    for (const question of questions) {
      await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: ask(question).body }).then((response) => response.text());
    }
    console.log(`server RSS at start (after one warm-up pass over the questions): ${rssMb(server.process.pid!)} MB`);
    for (const mix of values.mixes.split(",").filter(Boolean)) {
      const next = mixes[mix];
      if (!next) throw new Error(`unknown mix ${mix}: questions, mixed or writes`);
      for (const clients of values.concurrency.split(",").map(Number)) {
        const before = rssMb(server.process.pid!);
        const outcome = await drive(server.url, clients, seconds, next);
        console.log(`${mix.padEnd(10)} c=${String(clients).padEnd(3)} ${summary(outcome)}  RSS ${before} → ${rssMb(server.process.pid!)} MB`);
      }
    }
    const flood = Number(values.flood);
    if (flood > 0) await floodBenchmark(server.url, flood, questions.find((question) => question.name.startsWith("prospects interested in CRM"))!);
    const writeSeconds = Number(values["write-seconds"]);
    if (writeSeconds > 0) await writePathBenchmark({ url: server.url, db, workspace, seconds: writeSeconds, run });
    const soakMinutes = Number(values["soak-minutes"]);
    for (let minute = 1; minute <= soakMinutes; minute += 1) {
      const outcome = await drive(server.url, 16, 60, (client, i) => mixes.mixed!(client, minute * 1_000_000 + i));
      console.log(`soak minute ${String(minute).padStart(2)}: ${summary(outcome)}  RSS ${rssMb(server.process.pid!)} MB`);
    }
    console.log(`server RSS at end: ${rssMb(server.process.pid!)} MB; statements refused by admission, by reason: ${await admissionRefusals(server.url)}`);
  } finally {
    server.process.kill("SIGTERM");
    await server.exited;
    await removeWritten(db, workspace);
    await close();
  }
}

/** The server's count of refused statements by reason, from its /metrics. */
async function admissionRefusals(url: string): Promise<string> {
  const text = await fetch(url.replace(/\/graphql$/, "/metrics")).then((response) => response.text());
  const counts = [...text.matchAll(/^rapport_admission_refusals_total\{reason="(\w+)"\} (\d+)$/gm)].map(([, reason, count]) => `${reason} ${count}`);
  return counts.join(", ") || "(no admission metrics)";
}

/** `size` copies of `question` at once, and the health endpoints timed while they run. */
async function floodBenchmark(url: string, size: number, question: Question): Promise<void> {
  const body = JSON.stringify({ query: question.query, variables: question.variables });
  const started = performance.now();
  const answers = Promise.all(Array.from({ length: size }, () => once(url, body)));
  const origin = url.replace(/\/graphql$/, "");
  const probes: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const path of ["/health", "/ready", "/metrics"]) {
      const sent = performance.now();
      const status = await fetch(`${origin}${path}`).then(async (response) => (await response.text(), response.status), () => 0);
      probes.push(`${path} ${status} in ${(performance.now() - sent).toFixed(0)} ms`);
    }
  }
  const outcomes = await answers;
  const errors: Record<string, number> = {};
  for (const { code } of outcomes) if (code !== undefined) errors[code] = (errors[code] ?? 0) + 1;
  const served = outcomes.filter(({ code }) => code === undefined).length;
  const slowest = Math.max(...outcomes.map(({ ms }) => ms));
  console.log(`\nflood: ${size} × "${question.name}" at once: ${served} served, refused or failed: ${JSON.stringify(errors)}; the last answered after ${(slowest / 1000).toFixed(1)} s (all done ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  probes during the flood: ${probes.join("; ")}`);
}

async function removeWritten(db: Awaited<ReturnType<typeof openDb>>["db"], workspace: string): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.run(
      "MATCH (p:Person {workspace: $workspace}) WHERE p.email ENDS WITH $domain CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 5000 ROWS",
      { workspace, domain: `@${WRITTEN_DOMAIN}` },
    );
    await session.run("MATCH (r:IdempotentResult {workspace: $workspace}) WHERE r.key STARTS WITH 'load-' CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS", { workspace });
  } finally {
    await session.close();
  }
}

/** The server as `npm start` runs it, with the shell's Neo4j settings. */
async function startServer(workspace: string): Promise<{ process: ChildProcess; url: string; exited: Promise<unknown> }> {
  const server = await startServerProcess({
    ...process.env, RAPPORT_WORKSPACE: workspace, RAPPORT_SEED_DEMO: "false", RAPPORT_AUTH: "dev", LOG_LEVEL: "info", RAPPORT_PLAYGROUND: "false",
  });
  return { process: server.process, url: `${server.origin}/graphql`, exited: server.exited };
}
