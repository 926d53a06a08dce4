/**
 * Records a request's tracking messages in one write transaction, so that
 * what is acknowledged is committed:
 *
 * 1. what the messages refer to is read (people, Segment userIds, content,
 *    topics) with the workspace's event → action table;
 * 2. each message, in order, becomes records (records.ts), seeing what the
 *    messages before it brought;
 * 3. the message ids are claimed: a message this workspace has processed
 *    before (a client's retry, a replayed batch) records nothing new;
 * 4. the claimed messages' records are written with the importer's own
 *    statements (upsert-records.ts), on the graph document's natural keys.
 */
import { randomUUID } from "node:crypto";
import type { Db, RunQuery } from "../db/run.js";
import { utcDateTime } from "../db/values.js";
import { lower, topicKey } from "../graph-document/normalize.js";
import { upsertRecords } from "../graph-document/upsert-records.js";
import { trackingTable } from "./actions.js";
import type { Message } from "./messages.js";
import { contentUrl, planMessage, type Known, type Outcome, type Planned, type Records } from "./records.js";

export type TrackedOutcome = Outcome | "DUPLICATE";

export interface TrackingSummary {
  messages: number;
  recorded: number;
  unmatched: number;
  ignored: number;
  /** Messages already processed (by an earlier request, or earlier in this one): nothing new was recorded for them. */
  duplicates: number;
  /** Each message's type and outcome, in order: for metrics. */
  outcomes: { type: Message["type"]; outcome: TrackedOutcome }[];
}

export async function recordMessages(db: Db, workspace: string, messages: Message[], receivedAt: Date = new Date()): Promise<TrackingSummary> {
  const outcomes = await db.transaction("tracking", async (run) => {
    const [tableRow] = await run("tracking/actions", { workspace });
    const table = trackingTable(tableRow!.events, tableRow!.actions);
    const known = await resolve(run, workspace, messages);

    const firsts = new Map<string, { message: Message; planned: Planned }>();
    const planned = messages.map((message) => {
      if (firsts.has(message.messageId!)) return undefined;
      const plan = planMessage(message, known, table, receivedAt);
      firsts.set(message.messageId!, { message, planned: plan });
      return plan;
    });
    const rows = [...firsts.entries()].map(([messageId, { message, planned: plan }]) => ({ messageId, type: message.type, outcome: plan.outcome }));
    const [claim] = await run("tracking/claim", { workspace, batch: randomUUID(), receivedAt: utcDateTime(receivedAt.toISOString()), rows });
    const claimed = new Set(claim!.claimed);

    const records: Records = { topics: [], companies: [], people: [], content: [], engagements: [] };
    const users: { userId: string; email: string }[] = [];
    for (const [messageId, { planned: plan }] of firsts) {
      if (!claimed.has(messageId)) continue;
      for (const section of Object.keys(records) as (keyof Records)[]) (records[section] as unknown[]).push(...(plan.records[section] ?? []));
      if (plan.user) users.push(plan.user);
    }
    await upsertRecords(run, records, (name) => known.topics.get(topicKey(name)), { workspace });
    if (users.length > 0) await run("tracking/remember-users", { workspace, rows: users });
    return messages.map((message, index): TrackedOutcome => (planned[index] && claimed.has(message.messageId!) ? planned[index].outcome : "DUPLICATE"));
  });
  const count = (outcome: TrackedOutcome) => outcomes.filter((o) => o === outcome).length;
  return {
    messages: messages.length, recorded: count("RECORDED"), unmatched: count("UNMATCHED"), ignored: count("IGNORED"), duplicates: count("DUPLICATE"),
    outcomes: messages.map((message, index) => ({ type: message.type, outcome: outcomes[index]! })),
  };
}


/** Everything the batch might refer to, looked up at once. */
async function resolve(run: RunQuery, workspace: string, messages: Message[]): Promise<Known> {
  const emails = new Set<string>();
  const userIds = new Set<string>();
  const urls = new Set<string>();
  const topics = new Set<string>();
  const strings = (value: unknown) => (typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);
  for (const m of messages) {
    const properties: Record<string, unknown> = m.type === "track" || m.type === "page" ? (m.properties ?? {}) : {};
    const traits: Record<string, unknown> = m.type === "identify" ? (m.traits ?? {}) : {};
    for (const email of [...strings(traits.email), ...strings(m.context?.traits?.email), ...strings(properties.email), ...strings(m.userId)]) emails.add(lower(email));
    if (m.userId != null) userIds.add(m.userId);
    for (const url of [...strings(properties.url), ...strings(m.context?.page?.url)].map(contentUrl)) if (url !== undefined) urls.add(url);
    for (const topic of strings(properties.topics).flatMap((t) => t.split(","))) topics.add(topicKey(topic));
  }
  const [row] = await run("tracking/resolve", { workspace, emails: [...emails], userIds: [...userIds], urls: [...urls], topics: [...topics] });
  return {
    emails: new Set(row!.emails),
    users: new Map(row!.users.map((u) => [u.userId, u.email])),
    urls: new Set(row!.urls),
    topics: new Map(row!.topics.map((t) => [t.wanted, t.key])),
  };
}
