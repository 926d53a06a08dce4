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
}

/** Gives back the slot; calling it twice gives back one. */
export type Release = () => void;

export class Admission {
  private active = 0;
  /** Callers whose request has run a statement already: served first. */
  private readonly continuing: Waiter[] = [];
  /** Callers whose request has run none yet: at most maxQueued. */
  private readonly queue: Waiter[] = [];
  private refusedCount = 0;

  constructor(readonly settings: AdmissionSettings) {}

  /** Seconds a refused client is told to wait: the queue's whole wait, at least a second. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.settings.queueTimeoutMs / 1000));
  }

  /** Running, waiting and refused so far. */
  get state(): { active: number; queued: number; refused: number } {
    return { active: this.active, queued: this.continuing.length + this.queue.length, refused: this.refusedCount };
  }

  /**
   * A slot, at once or after a wait; an AppError (SERVICE_UNAVAILABLE, HTTP 503) when none comes.
   * @param continuingForMs for a request that has run a statement already: how long it may wait (what is left of
   *   its database budget); undefined for one that has run none, which waits at most the queue's timeout
   */
  acquire(continuingForMs?: number): Promise<Release> {
    if (this.active < this.settings.maxActive) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    const continuing = continuingForMs !== undefined;
    const queue = continuing ? this.continuing : this.queue;
    if (!continuing && queue.length >= this.settings.maxQueued) return Promise.reject(this.refusal());
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        // The slot passes straight from the releasing caller to this one: `active` does not change.
        admit: () => {
          clearTimeout(waiter.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(this.refusal());
        }, continuingForMs ?? this.settings.queueTimeoutMs),
      };
      queue.push(waiter);
    });
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

  private refusal(): AppError {
    this.refusedCount += 1;
    return overloaded(this.retryAfterSeconds);
  }
}

function overloaded(retryAfterSeconds: number): AppError {
  return retryLater(ErrorCode.SERVICE_UNAVAILABLE, "The server is busy; try again shortly.", 503, retryAfterSeconds);
}
