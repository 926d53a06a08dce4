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
 * A request that has already run a statement goes ahead of those that have
 * not, and is not turned away for a full queue: refusing a request halfway
 * wastes what it has done, and under a flood every request would get halfway
 * and few would finish. So a flood is shed at its first statements, and what
 * was let in is served.
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
   * @param continuing the caller's request has run a statement already
   */
  acquire(continuing = false): Promise<Release> {
    if (this.active < this.settings.maxActive) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
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
        }, this.settings.queueTimeoutMs),
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
