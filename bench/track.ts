/**
 * npm run bench -- track [--events 20000] [--seconds 30] [--people 1000] [--concurrency 8] [--batch 1] [--probes 10] [--keep]
 *
 * How many tracking events a server accepts per second. Starts the server on
 * 127.0.0.1 (a free port, API-key sign-in) against the configured Neo4j,
 * imports `--people` people into an empty workspace, then sends `track`
 * messages (`--batch` per request; 1 is a /v1/track call) from
 * `--concurrency` clients at once until `--events` were accepted or
 * `--seconds` passed, whichever is first. Every event names one of the people
 * and one of 200 content urls, with its own message id and time, so each is
 * a new engagement. Prints events/s and the latency of a request (p50, p95,
 * max). Then `--probes` times, one after another, the delay from a write to
 * its webhook (bench/webhook-delay.ts), with the server's default debounce,
 * and prints its p50, p95 and max. The workspace is wiped afterwards unless --keep.
 */
import { parseArgs } from "node:util";
import { createApiKey } from "../src/auth/api-keys.js";
import { loadConfig } from "../src/config.js";
import { openDb } from "../src/db/open.js";
import { importGraphDocument } from "../src/graph-document/import.js";
import { createLogger } from "../src/logger.js";
import { startServer } from "../src/server.js";
import { PROBE_TOPIC, webhookDelays } from "./webhook-delay.js";
import { wipeWorkspace } from "./wipe.js";

export async function trackBenchmark(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: "string", default: "20000" },
      seconds: { type: "string", default: "30" },
      people: { type: "string", default: "1000" },
      concurrency: { type: "string", default: "8" },
      batch: { type: "string", default: "1" },
      probes: { type: "string", default: "10" },
      keep: { type: "boolean", default: false },
    },
  });
  const [events, seconds, people, concurrency, batch] = [values.events, values.seconds, values.people, values.concurrency, values.batch].map(Number) as [number, number, number, number, number];
  // Only ever on the loopback interface, whatever HOST says: this floods the server it starts.
  const config = { ...loadConfig({ ...process.env, RAPPORT_AUTH: "apikey", RAPPORT_SIGNALS_EVERY_MINUTES: "0" }), host: "127.0.0.1", port: 0 };
  const { db, close } = await openDb(config, (line) => console.error(line));
  const workspace = `bench-track-${Date.now()}`;
  const server = await startServer({ config, db, logger: createLogger("warn") });
  try {
    const emails = Array.from({ length: people }, (_, n) => `person${n}@bench${n % 50}.example`);
    const imported = await importGraphDocument(db, { version: 1, topics: [{ name: PROBE_TOPIC }], people: emails.map((email) => ({ email })) }, { workspace });
    if (!imported.ok) throw new Error("could not import the bench's people");
    const { key } = await createApiKey(db, { workspace, email: emails[0]!, role: "EDITOR" });
    const authorization = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
    const origin = server.url.replace(/\/graphql$/, "");
    const base = Date.now() - 86_400_000;

    let sent = 0;
    let accepted = 0;
    const latencies: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    const message = (n: number) => ({
      type: "track", messageId: `bench-${n}`, userId: emails[n % people], event: "Content Viewed",
      timestamp: new Date(base + n).toISOString(), properties: { url: `https://content.example/${n % 200}`, title: `Content ${n % 200}` },
    });
    const client = async () => {
      while (sent < events && performance.now() < deadline) {
        const first = sent;
        sent += batch;
        const messages = Array.from({ length: Math.min(batch, events - first) }, (_, i) => message(first + i));
        const started = performance.now();
        const response = await fetch(batch === 1 ? `${origin}/v1/track` : `${origin}/v1/batch`, {
          method: "POST", headers: { "content-type": "application/json", authorization },
          body: JSON.stringify(batch === 1 ? messages[0] : { batch: messages }),
        });
        const answer = (await response.json()) as { recorded?: number };
        latencies.push(performance.now() - started);
        if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(answer)}`);
        accepted += answer.recorded ?? 0;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, client));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.log(`track: ${accepted} events recorded in ${elapsed.toFixed(1)} s at concurrency ${concurrency}, ${batch} per request`);
    console.log(`  ${(accepted / elapsed).toFixed(0)} events/s; a request took p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);

    const probes = Number(values.probes);
    if (probes > 0) {
      const evaluated = async (segment: string) => (await db.driver.executeQuery(
        "MATCH (w:SegmentWatch {workspace: $workspace, segment: $segment}) RETURN w.version AS version", { workspace, segment }, { database: db.database },
      )).records.length > 0;
      const delays = (await webhookDelays({ origin, writeKey: key, people: emails.slice(-probes), evaluated })).sort((a, b) => a - b);
      const of = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))]!.toFixed(0);
      console.log(`write → webhook, ${probes} probes one after another (debounce ${config.signals.debounceMs} ms): p50 ${of(0.5)} ms, p95 ${of(0.95)} ms, max ${of(1)} ms`);
    }
  } finally {
    await server.stop();
    if (!values.keep) await wipeWorkspace(db.driver, db.database, workspace);
    await close();
  }
}
