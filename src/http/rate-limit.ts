/**
 * Rate limits per caller: a token bucket for each API key or JWT subject
 * (Identity.subject), holding at most `burst` tokens and refilled at
 * `perSecond`; each request takes one. Every answer says where the caller
 * stands (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset: seconds
 * until the bucket is full again); a request with no token left is refused
 * with HTTP 429, RATE_LIMITED and Retry-After. Dev-mode requests and watched
 * segments' evaluations are not limited: they have no credential to count.
 *
 * The buckets live in this process: with several instances behind a load
 * balancer each keeps its own, so a caller may send up to the limit times
 * the number of instances.
 */
import type { ServerResponse } from "node:http";
import type { Identity } from "../auth/identity.js";
import { ErrorCode, retryLater } from "../errors.js";

export interface RateLimit {
  /** Tokens added a second; 0 turns the limit off. */
  perSecond: number;
  /** The bucket's size: how many requests may come at once. */
  burst: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms, monotonic). */
  at: number;
}

/** Buckets left untouched this long are full again and can be forgotten. */
const SWEEP_EVERY = 1_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  constructor(
    private readonly limit: RateLimit,
    /** What the refusal says is limited, e.g. "requests to /graphql". */
    private readonly what: string,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Takes a token for `identity`, sets the RateLimit-* headers on `res`, and
   * throws RATE_LIMITED (HTTP 429, Retry-After) when there was none.
   */
  take(identity: Identity, res: ServerResponse): void {
    const key = identity.subject;
    if (this.limit.perSecond <= 0 || key === undefined) return;
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    res.setHeader("ratelimit-limit", String(this.limit.burst));
    res.setHeader("ratelimit-remaining", String(Math.floor(bucket.tokens)));
    res.setHeader("ratelimit-reset", String(Math.ceil((this.limit.burst - bucket.tokens) / this.limit.perSecond)));
    if (allowed) return;
    const retryAfter = Math.ceil((1 - bucket.tokens) / this.limit.perSecond);
    throw retryLater(ErrorCode.RATE_LIMITED, `Too many ${this.what} with this credential: at most ${this.limit.perSecond} a second, ${this.limit.burst} at once; try again in ${retryAfter} s.`, 429, retryAfter);
  }

  private sweep(now: number): void {
    this.takes += 1;
    if (this.takes % SWEEP_EVERY !== 0) return;
    const refillMs = (this.limit.burst / this.limit.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at >= refillMs) this.buckets.delete(key);
    }
  }
}
