/**
 * Drives a server with N clients at once for a fixed time and reads what
 * came back: requests/s, latency percentiles and errors by code. Each client
 * keeps one keep-alive connection (node:http, as bench/queries.ts does: fetch
 * would add CPU of its own to every request) and sends its next request as
 * soon as the last is answered, or, when it was refused with a Retry-After
 * (503, 429), once that time has passed, as the protocol asks of clients: a
 * client that retried at once would only measure how fast refusals go round,
 * and on a small machine take the CPU from the work it waits for. Also: a
 * process's resident memory, from /proc.
 */
import fs from "node:fs";
import http from "node:http";

export interface Sent {
  /** The JSON body of a GraphQL request. */
  body: string;
}

export interface Outcome {
  requests: number;
  seconds: number;
  /** Milliseconds, sorted, of the requests answered without an error (a refusal's quick answer is not a latency). */
  latencies: number[];
  /** How many answers carried each error code (the first error's; `HTTP 503` and the like for non-GraphQL failures). */
  errors: Record<string, number>;
}

interface GraphQLAnswer {
  errors?: { extensions?: { code?: string } }[];
}

/** Runs `clients` loops for `seconds`, the i-th request of every client being `next(client, i)`, over HTTP. */
export async function drive(url: string, clients: number, seconds: number, next: (client: number, i: number) => Sent): Promise<Outcome> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  try {
    return await loop(clients, seconds, async (id, i, backOff) => {
      const { status, answer, retryAfterSeconds } = await post(agent, url, next(id, i).body);
      if (retryAfterSeconds !== undefined) backOff(retryAfterSeconds * 1000);
      return answer?.errors?.[0]?.extensions?.code ?? (status === 200 ? undefined : `HTTP ${status}`);
    });
  } finally {
    agent.destroy();
  }
}

/** One request on a connection of its own: its error code (undefined when it succeeded) and how long it took. */
export async function once(url: string, body: string): Promise<{ code: string | undefined; ms: number }> {
  const agent = new http.Agent({ keepAlive: false });
  const sent = performance.now();
  const { status, answer } = await post(agent, url, body);
  return { code: answer?.errors?.[0]?.extensions?.code ?? (status === 200 ? undefined : `HTTP ${status}`), ms: performance.now() - sent };
}

/**
 * Runs `clients` loops of `attempt` for `seconds`; an attempt resolves with its error code, or undefined when it
 * succeeded, and may ask its client to wait before the next one (`backOff`).
 */
export async function loop(
  clients: number,
  seconds: number,
  attempt: (client: number, i: number, backOff: (ms: number) => void) => Promise<string | undefined>,
): Promise<Outcome> {
  let requests = 0;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const client = async (id: number) => {
    for (let i = 0; performance.now() < deadline; i += 1) {
      const sent = performance.now();
      let pauseMs = 0;
      const code = await attempt(id, i, (ms) => (pauseMs = ms));
      requests += 1;
      if (code === undefined) latencies.push(performance.now() - sent);
      else errors[code] = (errors[code] ?? 0) + 1;
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs, deadline - performance.now())));
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, id) => client(id)));
  const elapsed = (performance.now() - started) / 1000;
  return { requests, seconds: elapsed, latencies: latencies.sort((a, b) => a - b), errors };
}

interface Answer {
  status: number;
  answer: GraphQLAnswer | undefined;
  retryAfterSeconds?: number;
}

function post(agent: http.Agent, url: string, body: string): Promise<Answer> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let answer: GraphQLAnswer | undefined;
        try {
          answer = JSON.parse(text) as GraphQLAnswer;
        } catch {
          answer = undefined;
        }
        const retryAfter = Number(response.headers["retry-after"]);
        resolve({ status: response.statusCode ?? 0, answer, ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) });
      });
      response.on("error", () => resolve({ status: 0, answer: undefined }));
    });
    // A refused or cut connection counts as an error, not as a crash of the benchmark.
    request.on("error", () => resolve({ status: 0, answer: undefined }));
    request.end(body);
  });
}

export function percentile(sorted: number[], q: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** One line of figures for an outcome. */
export function summary(outcome: Outcome): string {
  const at = (q: number) => percentile(outcome.latencies, q).toFixed(0).padStart(6);
  const errors = Object.entries(outcome.errors).map(([code, count]) => `${code} ${count}`).join(", ") || "none";
  const served = outcome.latencies.length / outcome.seconds;
  return `${(outcome.requests / outcome.seconds).toFixed(1).padStart(8)} req/s, served ${served.toFixed(1).padStart(6)}/s in p50 ${at(0.5)}  p95 ${at(0.95)}  p99 ${at(0.99)} ms  errors: ${errors}`;
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"));
  return Math.round(Number(line?.replace(/\D+/g, "") ?? 0) / 1024);
}
