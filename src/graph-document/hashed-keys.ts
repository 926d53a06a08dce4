/**
 * A set of 53-bit hashes of keys, in a flat open-addressing table: 8 bytes a
 * key where a Set of strings takes about a hundred, so the uniqueness of ten
 * million connections can be checked in bounded memory. Two different keys
 * may share a hash: `add` then says "maybe seen", and the caller confirms
 * with the keys themselves (document-checks.ts reads those records again).
 */
const EMPTY = 0;
const FIRST_CAPACITY = 1 << 12;

export class HashedKeys {
  private slots = new Float64Array(FIRST_CAPACITY);
  private count = 0;

  /** Adds the key; false when its hash was already there (the key itself maybe, or another with the same hash). */
  add(key: string): boolean {
    if (2 * (this.count + 1) > this.slots.length) this.grow();
    const added = insert(this.slots, hash53(key));
    if (added) this.count += 1;
    return added;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const hash of old) if (hash !== EMPTY) insert(this.slots, hash);
  }
}

function insert(slots: Float64Array, hash: number): boolean {
  const mask = slots.length - 1;
  for (let slot = hash % slots.length; ; slot = (slot + 1) & mask) {
    if (slots[slot] === EMPTY) {
      slots[slot] = hash;
      return true;
    }
    if (slots[slot] === hash) return false;
  }
}

/** cyrb53 (a public-domain string hash), never 0 so that 0 can mark an empty slot. */
export function hash53(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}
