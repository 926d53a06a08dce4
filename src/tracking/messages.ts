/**
 * The messages of Segment's HTTP Tracking API, as zod schemas. Segment's
 * clients send many fields Rapport has no use for (integrations, _metadata,
 * context.library …), so objects are loose: unknown fields are passed over,
 * not refused. What Rapport reads is checked: a message's type, its ids,
 * its times, and that traits, properties and context are objects. Traits
 * themselves are free-form in Segment; the ones Rapport keeps are checked one
 * by one when they are turned into records (records.ts), so an odd trait
 * never makes a client drop a whole batch.
 */
import { createHash } from "node:crypto";
import { z } from "zod";

/** Segment's limits: a message, and a whole batch, as sent (JSON bytes). */
export const MESSAGE_LIMIT_BYTES = 32 * 1024;
export const BATCH_LIMIT_BYTES = 500 * 1024;

export const MESSAGE_TYPES = ["identify", "group", "track", "page"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "expected an ISO 8601 date-time");
const fields = z.record(z.string(), z.unknown());
// Segment accepts numbers as ids and treats them as strings.
const anId = z.union([z.string().trim().min(1).max(500), z.number()]).transform(String);

const common = {
  messageId: z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters").optional(),
  userId: anId.nullish(),
  anonymousId: anId.nullish(),
  timestamp: instant.optional(),
  originalTimestamp: instant.optional(),
  sentAt: instant.optional(),
  context: z.looseObject({ traits: fields.optional(), page: z.looseObject({ url: z.string().optional() }).optional() }).optional(),
};

const Identify = z.looseObject({ ...common, type: z.literal("identify"), traits: fields.optional() });
const Group = z.looseObject({ ...common, type: z.literal("group"), groupId: anId, traits: fields.optional() });
const Track = z.looseObject({ ...common, type: z.literal("track"), event: z.string().trim().min(1, "must not be empty").max(500), properties: fields.optional() });
const Page = z.looseObject({ ...common, type: z.literal("page"), name: z.string().optional(), properties: fields.optional() });

export const Message = z.discriminatedUnion("type", [Identify, Group, Track, Page])
  .refine((m) => (m.userId ?? m.anonymousId) != null, { message: "userId or anonymousId is required", path: ["userId"] });
export type Message = z.infer<typeof Message>;

/** A batch as /v1/batch takes it; top-level context and sentAt apply to messages that lack their own. */
const Batch = z.looseObject({ batch: z.array(z.unknown()).min(1, "must hold at least one message"), sentAt: instant.optional(), context: fields.optional() });

export class MessageRefused extends Error {}

/**
 * The messages of a request to /v1/batch (`type` undefined) or to /v1/<type>:
 * each at most MESSAGE_LIMIT_BYTES, each valid, each with a message id (one
 * derived from its content when the client gave none, so a replay of it is
 * still recognised). Throws MessageRefused naming the first problem.
 */
export function parseMessages(body: unknown, type: MessageType | undefined): Message[] {
  if (type !== undefined) return [parseOne(typeof body === "object" && body !== null ? { ...body, type } : body, "")];
  const batch = Batch.safeParse(body);
  if (!batch.success) throw new MessageRefused(problem(batch.error, ""));
  const shared = { sentAt: batch.data.sentAt, context: batch.data.context };
  return batch.data.batch.map((raw, index) => {
    const message = typeof raw === "object" && raw !== null ? { ...definedOnly(shared), ...raw } : raw;
    return parseOne(message, `batch[${index}]`);
  });
}

function parseOne(raw: unknown, where: string): Message {
  const size = Buffer.byteLength(JSON.stringify(raw ?? null), "utf8");
  if (size > MESSAGE_LIMIT_BYTES) throw new MessageRefused(`${where || "the message"} is ${size} bytes; a message may be at most ${MESSAGE_LIMIT_BYTES} (32 KB)`);
  const parsed = Message.safeParse(raw);
  if (!parsed.success) throw new MessageRefused(problem(parsed.error, where));
  const message = parsed.data;
  return { ...message, messageId: message.messageId ?? `sha256:${createHash("sha256").update(JSON.stringify(raw)).digest("hex")}` };
}

function problem(error: z.ZodError, where: string): string {
  const issue = error.issues[0]!;
  const path = [where, ...issue.path.map(String)].filter((part) => part !== "").join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}

function definedOnly(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/**
 * When it happened, as a UTC instant: `timestamp` as sent (server-side
 * libraries set it from their own clock), else `originalTimestamp` corrected
 * for the device's clock skew as Segment does (receivedAt − (sentAt −
 * originalTimestamp)), else when it was received. Never later than received.
 */
export function occurredAt(message: Message, receivedAt: Date): string {
  const received = receivedAt.getTime();
  let at = received;
  if (message.timestamp !== undefined) at = Date.parse(message.timestamp);
  else if (message.originalTimestamp !== undefined) {
    const original = Date.parse(message.originalTimestamp);
    at = message.sentAt === undefined ? original : received - (Date.parse(message.sentAt) - original);
  }
  return new Date(Math.min(at, received)).toISOString();
}
