/**
 * The delay from a write to its webhook, for `npm run bench -- track`: a
 * people segment "downloaded something on the probe topic in the last 30
 * days" is watched by a webhook to a receiver on 127.0.0.1; each probe sends
 * one `track` call that brings a new person into it and times from the
 * tracking API's 200 to the `segment.joined` event at the receiver. Probes run
 * one after another, so each one sees a whole cycle: the debounce
 * (RAPPORT_SIGNALS_DEBOUNCE_MS), the evaluation and the delivery.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface DelayProbe {
  /** The server's origin (http://127.0.0.1:port). */
  origin: string;
  /** Basic credentials with an EDITOR's API key, for /v1 and /graphql alike. */
  writeKey: string;
  /** People of the workspace not yet in the segment, one per probe. */
  people: string[];
  /** Whether the segment's first evaluation (which only records who is in) is done. */
  evaluated(segment: string): Promise<boolean>;
}

const TIMEOUT_MS = 60_000;

/** The topic the probes' content is about: the workspace must have it. */
export const PROBE_TOPIC = "Bench probe";

export async function webhookDelays({ origin, writeKey, people, evaluated }: DelayProbe): Promise<number[]> {
  const arrived = new Map<string, number>();
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const event = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { type: string; person?: { email: string } };
      if (event.type === "segment.joined" && event.person) arrived.set(event.person.email, performance.now());
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await watchProbeSegment(origin, writeKey, url, evaluated);
    const delays: number[] = [];
    for (const [n, email] of people.entries()) {
      const sent = await post(`${origin}/v1/track`, writeKey, {
        type: "track", messageId: `probe-${n}-${Date.now()}`, userId: email, event: "Whitepaper Downloaded",
        timestamp: new Date().toISOString(), properties: { url: `https://content.example/probe/${n}`, title: `Probe ${n}`, topics: [PROBE_TOPIC] },
      });
      const acknowledged = performance.now();
      if (!sent.ok) throw new Error(`the probe's track call answered ${sent.status}`);
      const deadline = acknowledged + TIMEOUT_MS;
      while (!arrived.has(email)) {
        if (performance.now() > deadline) throw new Error(`no webhook for ${email} within ${TIMEOUT_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      delays.push(arrived.get(email)! - acknowledged);
    }
    return delays;
  } finally {
    receiver.close();
  }
}

async function watchProbeSegment(origin: string, writeKey: string, url: string, evaluated: DelayProbe["evaluated"]): Promise<void> {
  const saved = await graphql(origin, writeKey, `mutation($input: SegmentInput!) { saveSegment(input: $input) { id } }`, {
    input: { name: "Downloaded a probe", people: { engagedWith: { topics: [PROBE_TOPIC], actions: ["DOWNLOADED"], withinDays: 30 } } },
  });
  const segment = saved.saveSegment.id as string;
  await graphql(origin, writeKey, `mutation($s: ID!, $url: String!) { createWebhook(segment: $s, url: $url, secret: "bench-probe-secret-of-some-length") { id } }`, { s: segment, url });
  const deadline = performance.now() + TIMEOUT_MS;
  while (!(await evaluated(segment))) {
    if (performance.now() > deadline) throw new Error("the probe segment was never evaluated");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function post(url: string, writeKey: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}` }, body: JSON.stringify(body) });
}

async function graphql(origin: string, writeKey: string, query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await fetch(`${origin}/graphql`, {
    method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${writeKey}` }, body: JSON.stringify({ query, variables }),
  });
  const { data, errors } = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
  if (errors?.length || !data) throw new Error(`GraphQL: ${errors?.map((e) => e.message).join("; ") ?? response.status}`);
  return data;
}
