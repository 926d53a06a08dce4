/**
 * Interactions waiting to be written, in lanes that never touch the same
 * person at once.
 *
 * Linking an interaction to its contact locks the contact, and a person with
 * few links yet (under Neo4j's dense-node threshold, as most contacts are
 * early in a mailbox) is locked whole. Two batches of one mailbox share most
 * of their contacts, so with two writes in flight the second mostly waited
 * for the first: a quarter of the ingest transactions sampled during a
 * 100,000-message ingest were blocked on a lock. Here a contact's
 * interactions, and the contact's own row, always go to the same lane (by a
 * hash of the email), and a lane has at most one write in flight, so the
 * writes in flight lock disjoint people. (The team's side is a handful of
 * users, dense at once, whose links Neo4j adds without locking them whole.)
 */
import { interactionKey, lower, toInstant } from "../graph-document/normalize.js";
import { InteractionRecord } from "../graph-document/schema.js";
import type { Contact, Touches } from "./touches.js";

/** The interactions and contacts of one lane waiting for its next write, each once. */
export class Batch {
  readonly interactions = new Map<string, InteractionRecord>();
  readonly contacts = new Map<string, Contact>();

  get size(): number {
    return this.interactions.size;
  }
}

export class Lanes {
  private batches: Batch[];
  /** Each lane's write in flight (resolved when there is none). */
  private readonly writing: Promise<void>[];

  constructor(private readonly count: number, private readonly batchSize: number) {
    this.batches = Array.from({ length: count }, () => new Batch());
    this.writing = Array.from({ length: count }, () => Promise.resolve());
  }

  /** Adds the touches, each interaction to its contact's lane, or says why they are not valid records and adds nothing. */
  add(touches: Extract<Touches, { kind: "interactions" }>): string | null {
    const parsed: InteractionRecord[] = [];
    for (const interaction of touches.interactions) {
      const result = InteractionRecord.safeParse(interaction);
      if (!result.success) return `not a valid interaction: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`;
      parsed.push(result.data);
    }
    for (const r of parsed) {
      const person = lower(r.person);
      this.batches[this.laneOf(person)]!.interactions.set(interactionKey(lower(r.user), person, r.kind, toInstant(r.at), r.ref), r);
    }
    // A person is named by the first header that gives a display name.
    for (const contact of touches.contacts) {
      const contacts = this.batches[this.laneOf(contact.email)]!.contacts;
      if (!contacts.get(contact.email)?.name) contacts.set(contact.email, contact);
    }
    return null;
  }

  /**
   * Starts writing every lane whose batch is full (or, at the end, every lane
   * with anything), each once its lane's previous write has ended: the reader
   * waits here while a full lane is still writing. A failed write throws here,
   * at its lane's next turn, or at drain.
   */
  async write(write: (batch: Batch) => Promise<void>, all = false): Promise<void> {
    for (let lane = 0; lane < this.count; lane += 1) {
      const batch = this.batches[lane]!;
      if (batch.size === 0 || (!all && batch.size < this.batchSize)) continue;
      this.batches[lane] = new Batch();
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

  /** FNV-1a of the email: cheap, and spreads a mailbox's contacts evenly. */
  private laneOf(email: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < email.length; i += 1) hash = Math.imul(hash ^ email.charCodeAt(i), 0x01000193);
    return (hash >>> 0) % this.count;
  }
}
