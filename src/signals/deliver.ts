/**
 * Sends the outbox: every second (and at once when poked) due deliveries are
 * claimed with a lease in a write transaction (cypher/webhook/claim.cypher),
 * so two instances on one database never make the same attempt; each is
 * POSTed, signed, with a timeout; the outcome is stored. A non-2xx answer,
 * a timeout or a refused address is retried with exponential backoff (the
 * first retry after about a second) until 24 hours after the event, every
 * attempt with the same body and event id: delivery is at least once, and
 * receivers deduplicate by `id`. A restart resumes whatever is pending, and
 * an attempt cut off mid-way is retried once its lease runs out.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../db/run.js";
import { integer, utcDateTime } from "../db/values.js";
import type { Logger } from "../logger.js";
import { AddressRefused, checkWebhookUrl } from "./addresses.js";
import { signatureHeader } from "./signature.js";

export interface DeliverySettings {
  allowPrivate: boolean;
  /** The first retry's delay; each next one doubles it, up to an hour. */
  retryBaseMs: number;
  timeoutMs: number;
  pollMs?: number;
}

export interface Deliveries {
  /** Look for due deliveries now rather than at the next poll. */
  poke(): void;
  /** Stops polling and waits for the attempts under way. */
  stop(): Promise<void>;
}

const BATCH = 20;
const MAX_DELAY_MS = 3_600_000;

interface Claimed {
  id: string;
  lease: string;
  url: string;
  secret: string;
  body: string;
  attempts: number;
  giveUpAt: string;
}

export function startDeliveries(db: Db, settings: DeliverySettings, logger: Logger): Deliveries {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let again = false;

  const tick = () => {
    if (stopped) return;
    if (running) return void (again = true);
    clearTimeout(timer);
    running = deliverDue(db, settings, logger)
      .catch((error: unknown) => logger.error({ err: error }, "sending webhook deliveries failed"))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (again) {
          again = false;
          return tick();
        }
        timer = setTimeout(tick, settings.pollMs ?? 1_000);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    poke: tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

async function deliverDue(db: Db, settings: DeliverySettings, logger: Logger): Promise<void> {
  for (;;) {
    const claimed: Claimed[] = await db.write("webhook/claim", { lease: randomUUID(), leaseMs: integer(settings.timeoutMs * 3), limit: integer(BATCH) });
    if (claimed.length === 0) return;
    await Promise.all(claimed.map((delivery) => attempt(db, delivery, settings, logger)));
    if (claimed.length < BATCH) return;
  }
}

async function attempt(db: Db, delivery: Claimed, settings: DeliverySettings, logger: Logger): Promise<void> {
  let responseStatus: number | null = null;
  let error: string | null = null;
  try {
    const url = await checkWebhookUrl(delivery.url, settings.allowPrivate);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Rapport-Webhooks/1", "rapport-signature": signatureHeader(delivery.secret, delivery.body) },
      body: delivery.body,
      // A redirect could lead anywhere, a private address included: it counts as a failed attempt.
      redirect: "manual",
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    responseStatus = response.status;
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) error = `answered HTTP ${response.status}`;
  } catch (cause) {
    error = cause instanceof AddressRefused ? cause.message
      : (cause as Error).name === "TimeoutError" ? `no answer within ${settings.timeoutMs} ms` : `could not be reached: ${(cause as Error).message}`;
  }
  const attempts = Number(delivery.attempts);
  const retryAt = Date.now() + Math.min(settings.retryBaseMs * 2 ** (attempts - 1), MAX_DELAY_MS) * (0.8 + Math.random() * 0.4);
  const status = error === null ? "DELIVERED" : retryAt > Date.parse(delivery.giveUpAt) ? "FAILED" : "PENDING";
  if (error !== null) logger.info({ delivery: delivery.id, attempts, status, error }, "a webhook delivery failed");
  await db.write("webhook/settle", {
    id: delivery.id, lease: delivery.lease, status, responseStatus: responseStatus === null ? null : integer(responseStatus), error,
    nextAttemptAt: status === "PENDING" ? utcDateTime(new Date(retryAt).toISOString()) : null,
  });
}
