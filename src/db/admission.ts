/**
 * Admission control: how much Neo4j work one instance runs at once. Every
 * statement and transaction of a Db takes a slot for as long as it holds a
 * session (src/db/run.ts). When all slots are taken a caller waits in a
 * bounded queue for a bounded time; when the queue is full, or the wait runs
 * out, it is refused at once with SERVICE_UNAVAILABLE and a Retry-After,
 * rather than waiting for a pooled connection until the driver gives up. With
 * fewer slots than the driver has connections, what is not gated (GET /ready,
 * migrations) always finds a free connection.
 *
 * A request one of whose statements has held a slot goes ahead of those
 * that have not, is not turned away for a full queue, and waits as long as
 * its own database budget allows rather than the queue's timeout: refusing a
 * request halfway wastes what it has done, and under a flood every request
 * would get halfway and few would finish. So a flood is shed at its first
 * statements, and what was let in is served. "Held a slot", not "asked for
 * one" (src/db/request-cost.ts): when the statements a request sends side by
 * side counted as under way, they went ahead of their own first statement
 * and ran for nothing when it was refused; 32 clients asking the canonical
 * questions of a 100k graph on 2 cores had 0.8–1.8 questions/s served,
 * against 11–12 from 8 clients.
 *
 * The queue's bound counts requests, not statements: a request's statements
 * side by side wait as one. Counted one by one they filled a queue of 16
 * from 16 clients, and about one request in a hundred of a steady mixed load
 * (the load bench's soak) was refused with nothing overloaded.
 */
import { retryLater, ErrorCode, type AppError } from "../errors.js";

export interface AdmissionSettings {
  /** Statements and transactions running at once. */
  maxActive: number;
  /** Callers waiting for a slot; beyond that they are refused at once. */
  maxQueued: number;
  /** How long a caller may wait for a slot. */
  queueTimeoutMs: number;
}

interface Waiter {
  admit(): void;
  timer: NodeJS.Timeout;
  request: object;
}

/** What a caller tells admission of the statement it wants a slot for. */
export interface Asking {
  /**
   * For a request that has held a slot already: how long it may wait (what is left of its database budget). Absent
   * for one that has held none, which waits at most the queue's timeout.
   */
  continuingForMs?: number;
  /** The request the statement is for; statements of one request waiting side by side count once against maxQueued. */
  request?: object;
}

/** Gives back the slot; calling it twice gives back one. */
export type Release = () => void;

export class Admission {
  private active = 0;
  /** Callers whose request has held a slot already: served first. */
  private readonly continuing: Waiter[] = [];
  /** Callers whose request has held none yet: of at most maxQueued requests. */
  private readonly queue: Waiter[] = [];
  private readonly refusedFor = { full: 0, waited: 0 };

  constructor(readonly settings: AdmissionSettings) {}

  /** Seconds a refused client is told to wait: the queue's whole wait, at least a second. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.settings.queueTimeoutMs / 1000));
  }

  /** Running, waiting, and refused so far: for a full queue, and after waiting out the queue's timeout. */
  get state(): { active: number; queued: number; refusedFull: number; refusedWaited: number } {
    return { active: this.active, queued: this.continuing.length + this.queue.length, refusedFull: this.refusedFor.full, refusedWaited: this.refusedFor.waited };
  }

  /** A slot, at once or after a wait; an AppError (SERVICE_UNAVAILABLE, HTTP 503) when none comes. */
  acquire({ continuingForMs, request }: Asking = {}): Promise<Release> {
    if (this.active < this.settings.maxActive) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    const continuing = continuingForMs !== undefined;
    const queue = continuing ? this.continuing : this.queue;
    if (!continuing && !this.queue.some((waiter) => waiter.request === request) && this.queuedRequests() >= this.settings.maxQueued) {
      return Promise.reject(this.refusal("full"));
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        request: request ?? {},
        // The slot passes straight from the releasing caller to this one: `active` does not change.
        admit: () => {
          clearTimeout(waiter.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(this.refusal("waited"));
        }, continuingForMs ?? this.settings.queueTimeoutMs),
      };
      queue.push(waiter);
    });
  }

  private queuedRequests(): number {
    return new Set(this.queue.map((waiter) => waiter.request)).size;
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.continuing.shift() ?? this.queue.shift();
      if (next) next.admit();
      else this.active -= 1;
    };
  }

  private refusal(reason: keyof Admission["refusedFor"]): AppError {
    this.refusedFor[reason] += 1;
    return overloaded(this.retryAfterSeconds);
  }
}

function overloaded(retryAfterSeconds: number): AppError {
  return retryLater(ErrorCode.SERVICE_UNAVAILABLE, "The server is busy; try again shortly.", 503, retryAfterSeconds);
}
