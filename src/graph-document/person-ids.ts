/**
 * The element ids of a workspace's people by their keys (email and profile
 * key alike), read once an import into an empty workspace has written its
 * people: its connections, engagements and concerns then find each person by
 * id, not by a seek in the (workspace, email) index (measured on a 100k
 * workspace: 10,000 connections written in 428 ms instead of 650).
 *
 * Kept as 53-bit hashes of the keys (hashed-keys.ts) beside the ids, so that
 * a million people take about a hundred megabytes rather than a Map's two or
 * three hundred. Two keys may share a hash: `of` then gives the id of the
 * first, and the statements that take ids also compare the person's key, so
 * a row given the wrong id finds no one and is written again by key
 * (ImportStep.fallback).
 */
import type { Db } from "../db/run.js";
import { hash53 } from "./hashed-keys.js";

const FIRST_CAPACITY = 1 << 12;
/** The ids are read in one stream: a million rows take seconds, not a request's budget. */
const READ_TIMEOUT_MS = 600_000;

export class PersonIds {
  private hashes = new Float64Array(FIRST_CAPACITY);
  private ids: (string | undefined)[] = new Array<string | undefined>(FIRST_CAPACITY);
  private count = 0;

  static async read(db: Db, workspace: string): Promise<PersonIds> {
    const people = new PersonIds();
    for await (const row of db.stream("import/person-ids", READ_TIMEOUT_MS, { workspace })) {
      const { email, profileUrl, id } = row as { email: string | null; profileUrl: string | null; id: string };
      if (email !== null) people.add(email, id);
      if (profileUrl !== null) people.add(profileUrl, id);
    }
    return people;
  }

  /** The element id of the person with this key (email or profile key, as personKey gives them); null when unknown. */
  of(key: string): string | null {
    const hash = hash53(key);
    const mask = this.hashes.length - 1;
    for (let slot = hash % this.hashes.length; this.hashes[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.hashes[slot] === hash) return this.ids[slot]!;
    }
    return null;
  }

  private add(key: string, id: string): void {
    if (2 * (this.count + 1) > this.hashes.length) this.grow();
    if (place(this.hashes, this.ids, hash53(key), id)) this.count += 1;
  }

  private grow(): void {
    const [hashes, ids] = [this.hashes, this.ids];
    this.hashes = new Float64Array(hashes.length * 2);
    this.ids = new Array<string | undefined>(hashes.length * 2);
    hashes.forEach((hash, slot) => {
      if (hash !== 0) place(this.hashes, this.ids, hash, ids[slot]!);
    });
  }
}

/** Open addressing, hash 0 marking an empty slot (hash53 never gives 0); the first id of a hash stays. */
function place(hashes: Float64Array, ids: (string | undefined)[], hash: number, id: string): boolean {
  const mask = hashes.length - 1;
  for (let slot = hash % hashes.length; ; slot = (slot + 1) & mask) {
    if (hashes[slot] === 0) {
      hashes[slot] = hash;
      ids[slot] = id;
      return true;
    }
    if (hashes[slot] === hash) return false;
  }
}
