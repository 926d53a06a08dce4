/**
 * Where a single-fact mutation's time goes, at concurrency 16 (part of
 * `npm run bench -- load`). The same write measured with less and less
 * around it, each for the same time:
 *   upsertPerson over HTTP, a new person each time (the figure to hold);
 *   the same with an idempotencyKey (the key's claim and stored result);
 *   the same on one person that every client updates (row-lock contention);
 *   the mutation's resolver called in this process (no HTTP, no GraphQL);
 *   the upsert's one statement in its own write transaction;
 *   an empty write transaction (BEGIN, RETURN 1, COMMIT: the per-transaction floor);
 *   and the upsert's statement at concurrency 1, to see whether writes overlap.
 */
import { randomUUID } from "node:crypto";
import { createRequestContext } from "../src/context.js";
import type { Db } from "../src/db/run.js";
import { AppError } from "../src/errors.js";
import { upsertPerson } from "../src/mutations/people.js";
import { drive, loop, summary, type Outcome, type Sent } from "./load-driver.js";

const UPSERT = "mutation($input: PersonInput!, $key: String) { upsertPerson(input: $input, idempotencyKey: $key) { id } }";
/** Every person the benchmark writes has an email at this domain, so they can be removed afterwards. */
export const WRITTEN_DOMAIN = "load.bench.example";

export function upsertBody(email: string, key?: string): Sent {
  return { body: JSON.stringify({ query: UPSERT, variables: { input: { email, name: "Load Bench", title: "Buyer" }, ...(key ? { key } : {}) } }) };
}

export interface WritePath {
  url: string;
  db: Db;
  workspace: string;
  seconds: number;
  /** Tells this run's people from an earlier run's. */
  run: string;
}

const CLIENTS = 16;

export async function writePathBenchmark({ url, db, workspace, seconds, run }: WritePath): Promise<void> {
  const email = (label: string, client: number, i: number) => `${label}-${run}-${client}-${i}@${WRITTEN_DOMAIN}`;
  const settings = { search: { shortlistFrom: 2_000, filterStart: "cost" as const, contendersFrom: 100_000 }, relationships: { halfLifeDays: 90, decayEveryMinutes: 0 } };
  const identity = { workspace, email: "bench@ourco.example", role: "EDITOR" as const, via: "dev" as const };
  const codeOf = async (work: () => Promise<unknown>) => {
    try {
      await work();
      return undefined;
    } catch (error) {
      return error instanceof AppError ? error.code : "EXCEPTION";
    }
  };
  const statement = (rows: unknown[]) => db.transaction("bench/upsert", (run) => run("import/people", { workspace, rows }));
  const steps: [string, () => Promise<Outcome>][] = [
    ["upsertPerson over HTTP, new people", () => drive(url, CLIENTS, seconds, (client, i) => upsertBody(email("http", client, i)))],
    ["… with an idempotencyKey", () => drive(url, CLIENTS, seconds, (client, i) => upsertBody(email("key", client, i), `load-${run}-${client}-${i}`))],
    ["… all on one person", () => drive(url, CLIENTS, seconds, () => upsertBody(`hot-${run}@${WRITTEN_DOMAIN}`))],
    ["the resolver in process (no HTTP)", () => loop(CLIENTS, seconds, (client, i) => codeOf(() =>
      upsertPerson({}, { input: { email: email("resolver", client, i), name: "Load Bench", title: "Buyer" } }, createRequestContext(db, randomUUID(), identity, settings))))],
    ["its upsert statement alone, 1 tx", () => loop(CLIENTS, seconds, (client, i) => codeOf(() =>
      statement([{ email: email("statement", client, i), props: { name: "Load Bench", title: "Buyer" } }])))],
    ["an empty write tx (RETURN 1)", () => loop(CLIENTS, seconds, () => codeOf(() => db.transaction("bench/empty", (run) => run({ name: "empty", text: "RETURN 1 AS one", params: {}, columns: ["one"] }))))],
  ];
  console.log(`\nwrite path at concurrency ${CLIENTS}, ${seconds} s each`);
  for (const [label, measure] of steps) console.log(`${label.padEnd(38)} ${summary(await measure())}`);
  const alone = await loop(1, seconds, (_, i) => codeOf(() => statement([{ email: email("alone", 0, i), props: { name: "Load Bench" } }])));
  console.log(`${"its upsert statement, concurrency 1".padEnd(38)} ${summary(alone)}`);
}
