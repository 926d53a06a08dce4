/**
 * Work waiting to be written, in lanes that never touch the same nodes at
 * once.
 *
 * A transaction that links a node locks it until it commits, and a node with
 * few links yet (under Neo4j's dense-node threshold) is locked whole. Two
 * batches in flight that share nodes take turns on them: with two writes in
 * flight, a quarter of the transactions sampled during a 100,000-message
 * mail ingest were blocked on a lock, and half of the samples of a contacts
 * file's employments (the people of two batches share their companies).
 * Here everything that shares a key (a contact's email, a company's name)
 * goes to the same lane, and a lane has at most one write in flight, so the
 * writes in flight lock disjoint nodes. (What every batch shares — the
 * team's users, the importing user — is dense, and Neo4j links to a dense
 * node without locking it whole.) InFlight, below, keeps writes that do not
 * share nodes, or reads, to a number at once in the order they came.
 */

/** A batch of a lane: how much it holds decides when it is written. */
export interface LaneBatch {
  readonly size: number;
}

export class Lanes<B extends LaneBatch> {
  private batches: B[];
  /** Each lane's write in flight (resolved when there is none). */
  private readonly writing: Promise<void>[];

  /**
   * @param count how many lanes, so how many writes in flight at most
   * @param batchSize the size at which a lane's batch is written
   */
  constructor(private readonly count: number, private readonly batchSize: number, private readonly newBatch: () => B) {
    this.batches = Array.from({ length: count }, newBatch);
    this.writing = Array.from({ length: count }, () => Promise.resolve());
  }

  /** The batch being filled in the lane of `key`: whatever shares the key is written by that lane. */
  batchOf(key: string): B {
    return this.batches[laneOf(key, this.count)]!;
  }

  /**
   * Starts writing every lane whose batch is full (or, at the end, every lane
   * with anything), each once its lane's previous write has ended: the reader
   * waits here while a full lane is still writing. A failed write throws here,
   * at its lane's next turn, or at drain.
   */
  async write(write: (batch: B) => Promise<void>, all = false): Promise<void> {
    for (let lane = 0; lane < this.count; lane += 1) {
      const batch = this.batches[lane]!;
      if (batch.size === 0 || (!all && batch.size < this.batchSize)) continue;
      this.batches[lane] = this.newBatch();
      await this.writing[lane];
      const started = write(batch);
      // Awaited later, at this lane's next turn or at drain; until then a failure must not count as unhandled.
      started.catch(() => undefined);
      this.writing[lane] = started;
    }
  }

  async drain(): Promise<void> {
    for (const writing of this.writing) await writing;
  }

  /** Waits for every write in flight to end, failed or not. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.writing);
  }
}

/** At most `limit` writes at once, in the order they were added; a failure surfaces at the next add or at drain. */
export class InFlight {
  private readonly pending: Promise<void>[] = [];

  constructor(private readonly limit: number) {}

  async add(work: () => Promise<void>): Promise<void> {
    if (this.pending.length >= this.limit) await this.pending.shift();
    const started = work();
    // Awaited later, by add or drain; until then a failure must not count as unhandled.
    started.catch(() => undefined);
    this.pending.push(started);
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.pending.shift();
  }

  /** Waits for every write in flight to end, failed or not. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.pending.splice(0));
  }
}

/** FNV-1a of the key: cheap, and spreads keys evenly. */
function laneOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}
