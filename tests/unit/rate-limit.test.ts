/**
 * The token bucket on a clock of its own: a burst, then refusal with how long
 * to wait, refilling at the rate and never above the burst; one bucket per
 * credential; no limit for a caller without one, or with a rate of 0.
 */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import type { Identity } from "../../src/auth/identity.js";
import { AppError } from "../../src/errors.js";
import { RateLimiter } from "../../src/http/rate-limit.js";

const caller = (subject?: string): Identity => ({ workspace: "w", email: "a@example.com", role: "READER", via: "api-key", ...(subject ? { subject } : {}) });

/** A response that only keeps its headers. */
function response() {
  const headers = new Map<string, string>();
  return { headers, res: { setHeader: (name: string, value: string) => void headers.set(name, value) } as unknown as ServerResponse };
}

function attempt(limiter: RateLimiter, identity: Identity) {
  const { headers, res } = response();
  try {
    limiter.take(identity, res);
    return { allowed: true, headers: Object.fromEntries(headers) };
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { allowed: false, headers: Object.fromEntries(headers), retryAfter: (error as AppError).extensions.retryAfter, code: (error as AppError).code };
  }
}

describe("RateLimiter", () => {
  it("lets the burst through, refuses the next with the wait for one token, and refills at the rate up to the burst", () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 }, "requests", () => now);
    const key = caller("api-key:k1");
    expect([1, 2, 3].map(() => attempt(limiter, key).allowed)).toEqual([true, true, true]);
    expect(attempt(limiter, key)).toEqual({
      allowed: false, code: "RATE_LIMITED", retryAfter: 1,
      headers: { "ratelimit-limit": "3", "ratelimit-remaining": "0", "ratelimit-reset": "2" },
    });
    now += 500; // one token back
    expect(attempt(limiter, key).allowed).toBe(true);
    expect(attempt(limiter, key).allowed).toBe(false);
    now += 60_000; // full, and no fuller
    expect(attempt(limiter, key).headers).toEqual({ "ratelimit-limit": "3", "ratelimit-remaining": "2", "ratelimit-reset": "1" });
  });

  it("keeps one bucket per credential, and leaves callers without one, or a rate of 0, unlimited", () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 }, "requests", () => 0);
    expect(attempt(limiter, caller("api-key:a")).allowed).toBe(true);
    expect(attempt(limiter, caller("api-key:a")).allowed).toBe(false);
    expect(attempt(limiter, caller("jwt:b")).allowed).toBe(true);
    expect([1, 2, 3].map(() => attempt(limiter, caller()))).toEqual([1, 2, 3].map(() => ({ allowed: true, headers: {} })));
    const off = new RateLimiter({ perSecond: 0, burst: 1 }, "requests", () => 0);
    expect([1, 2].map(() => attempt(off, caller("api-key:a")).allowed)).toEqual([true, true]);
  });
});
