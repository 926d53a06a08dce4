/**
 * Deterministic randomness for the scale generator. A record draws from a
 * stream of its own, seeded by (seed, stream name, index), so any record —
 * say person 81,234, whose interests her engagements need — can be rebuilt on
 * its own without holding the others or replaying everything before it.
 */

export class Random {
  private state: number;

  constructor(seed: number, stream: string, index = 0) {
    this.state = mix(mix(mix(hashText(stream), seed >>> 0), Math.floor(seed / 2 ** 32)), index);
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    const t0 = (this.state = (this.state + 0x6d2b79f5) | 0);
    let t = Math.imul(t0 ^ (t0 >>> 15), t0 | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A float in (0, 1]: safe to take the logarithm of. */
  nextPositive(): number {
    return 1 - this.next();
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("cannot pick from an empty list");
    return item;
  }

  /** Picks by relative weight from `[[item, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of choices) {
      roll -= weight;
      if (roll < 0) return item;
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new RangeError("cannot pick from an empty list");
    return last[0];
  }

  /** An exponentially distributed float with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(this.nextPositive());
  }

  /** A float in [0, 1], two decimals: strengths and weights. */
  unit(min = 0, max = 1): number {
    return Math.round((min + (max - min) * this.next()) * 100) / 100;
  }
}

/**
 * A bijection of 0..size-1 (i ↦ a·i + b mod size, a coprime to size): spreads
 * consecutive indexes over a product space such as first × last names, so
 * distinct indexes get distinct combinations without remembering any.
 */
export function affinePermutation(size: number, random: Random): (index: number) => number {
  if (size * size > Number.MAX_SAFE_INTEGER) throw new RangeError(`a permutation of ${size} would lose precision`);
  let multiplier = Math.max(1, Math.floor(size * (0.55 + 0.1 * random.next())));
  while (gcd(multiplier, size) !== 1) multiplier += 1;
  const offset = Math.floor(random.next() * size);
  return (index) => (multiplier * index + offset) % size;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function mix(hash: number, value: number): number {
  let h = Math.imul(hash ^ (value | 0), 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a: turns a stream name into a number to mix. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
