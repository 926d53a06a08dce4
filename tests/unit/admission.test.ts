/**
 * Admission control on its own: slots up to maxActive at once, then a queue
 * served in order, then refusal at once (SERVICE_UNAVAILABLE, HTTP 503,
 * Retry-After) when the queue is full or a wait runs out; a request already
 * under way goes first, is never turned away for a full queue, and waits as
 * long as its own budget allows; the queue's bound counts requests.
 */
import { describe, expect, it } from "vitest";
import { Admission } from "../../src/db/admission.js";
import { AppError } from "../../src/errors.js";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("Admission", () => {
  it("admits up to maxActive at once and queues the next ones in order", async () => {
    const admission = new Admission({ maxActive: 2, maxQueued: 2, queueTimeoutMs: 5_000 });
    const first = await admission.acquire();
    const second = await admission.acquire();
    const admitted: string[] = [];
    const third = admission.acquire().then((release) => (admitted.push("third"), release));
    const fourth = admission.acquire().then((release) => (admitted.push("fourth"), release));
    expect(admission.state).toEqual({ active: 2, queued: 2, refusedFull: 0, refusedWaited: 0 });
    first();
    first(); // a second call gives back nothing more
    (await third)();
    second();
    (await fourth)();
    expect(admitted).toEqual(["third", "fourth"]);
    expect(admission.state).toEqual({ active: 0, queued: 0, refusedFull: 0, refusedWaited: 0 });
  });

  it("refuses at once when the queue is full, and after queueTimeoutMs when no slot came", async () => {
    const admission = new Admission({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 50 });
    const held = await admission.acquire();
    const waiting = admission.acquire();
    const full = await refusal(admission.acquire());
    expect(full.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", retryAfter: 1, http: { status: 503 } });
    const timedOut = await refusal(waiting);
    expect(timedOut.code).toBe("SERVICE_UNAVAILABLE");
    expect(admission.state).toEqual({ active: 1, queued: 0, refusedFull: 1, refusedWaited: 1 });
    held();
    (await admission.acquire())();
    expect(admission.state.active).toBe(0);
  });

  it("serves requests already under way before new ones, and does not refuse them for a full queue", async () => {
    const admission = new Admission({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 5_000 });
    const held = await admission.acquire();
    const order: string[] = [];
    const fresh = admission.acquire().then((release) => (order.push("fresh"), release));
    await refusal(admission.acquire());
    const continuing = admission.acquire({ continuingForMs: 5_000 }).then((release) => (order.push("continuing"), release));
    expect(admission.state).toEqual({ active: 1, queued: 2, refusedFull: 1, refusedWaited: 0 });
    held();
    (await continuing)();
    (await fresh)();
    expect(order).toEqual(["continuing", "fresh"]);
  });

  it("lets a request under way wait out its own budget, not the queue's timeout", async () => {
    const admission = new Admission({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 20 });
    const held = await admission.acquire();
    const patient = admission.acquire({ continuingForMs: 1_000 });
    const brief = refusal(admission.acquire({ continuingForMs: 30 }));
    const fresh = refusal(admission.acquire());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await brief).code).toBe("SERVICE_UNAVAILABLE");
    expect((await fresh).code).toBe("SERVICE_UNAVAILABLE");
    expect(admission.state).toEqual({ active: 1, queued: 1, refusedFull: 0, refusedWaited: 2 });
    held();
    (await patient)();
    expect(admission.state).toEqual({ active: 0, queued: 0, refusedFull: 0, refusedWaited: 2 });
  });

  it("counts a request's statements waiting side by side once against maxQueued", async () => {
    const admission = new Admission({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 5_000 });
    const held = await admission.acquire();
    const request = {};
    const statements = [admission.acquire({ request }), admission.acquire({ request }), admission.acquire({ request })];
    expect((await refusal(admission.acquire({ request: {} }))).code).toBe("SERVICE_UNAVAILABLE");
    expect(admission.state).toEqual({ active: 1, queued: 3, refusedFull: 1, refusedWaited: 0 });
    held();
    for (const statement of statements) (await statement)();
    expect(admission.state).toEqual({ active: 0, queued: 0, refusedFull: 1, refusedWaited: 0 });
  });
});
