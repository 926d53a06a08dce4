/**
 * Who knows whom, as pairs of person indexes, generated without remembering
 * any pair already made.
 *
 * Colleagues: each person knows the next COLLEAGUE_REACH people of their
 * company's block. Everyone else: a Chung–Lu random graph, in which each
 * person has a weight from a power law and a pair is linked with probability
 * w(u)·w(v)/Σw, so the expected degree is the weight and the degrees are
 * heavy-tailed. It is drawn with the Miller–Hagberg method (2011): people
 * sorted by falling weight, each u skipping ahead over v > u by geometric
 * jumps. Every unordered pair is considered at most once, so there are no
 * duplicates and no self-loops by construction, in O(people + connections)
 * time and O(1) memory. A pair of colleagues that the colleague scheme
 * already linked is dropped from the random graph.
 *
 * Weights are ranked, not given to people in index order: an affine
 * permutation spreads the hubs across companies, and places person 0 (the
 * user) at USER_RANK so the user is well connected but not the top hub.
 */
import { affinePermutation, Random } from "./random.js";
import type { Population } from "./population.js";

export const MEAN_DEGREE = 30;
const COLLEAGUE_REACH = 3;
/** w(rank) ∝ (rank + r0)^-EXPONENT: a degree distribution with tail exponent 1 + 1/EXPONENT ≈ 2.7. */
const EXPONENT = 0.6;
/** The user's rank among all people by expected degree, as a fraction of the people. */
const USER_RANK = 0.005;

export interface PersonPair {
  a: number;
  b: number;
  colleagues: boolean;
}

export function* connectionPairs(population: Population, seed: number): Generator<PersonPair> {
  let colleaguePairs = 0;
  for (const pair of colleagues(population)) {
    colleaguePairs += 1;
    yield pair;
  }
  const { people, companyOf } = population;
  const random = new Random(seed, "acquaintances");
  const meanWeight = (2 * Math.max(0, (MEAN_DEGREE / 2) * people - colleaguePairs)) / people;
  if (people < 2 || meanWeight === 0) return;

  const weight = powerLawWeights(people, meanWeight);
  const spread = affinePermutation(people, random);
  // Shifting the permutation by the user's slot puts person 0 at USER_RANK and keeps it a bijection.
  const userSlot = spread(Math.floor(people * USER_RANK));
  const personAt = (rank: number) => (spread(rank) - userSlot + people) % people;
  const total = meanWeight * people;
  for (let u = 0; u < people - 1; u++) {
    const wu = weight(u);
    let v = u + 1;
    let p = Math.min((wu * weight(v)) / total, 1);
    while (v < people && p > 0) {
      if (p < 1) v += Math.floor(Math.log(random.nextPositive()) / Math.log1p(-p));
      if (v >= people) break;
      const q = Math.min((wu * weight(v)) / total, 1);
      if (random.next() < q / p) {
        const a = personAt(u);
        const b = personAt(v);
        const sameCompany = companyOf(a) === companyOf(b);
        if (!sameCompany || Math.abs(a - b) > COLLEAGUE_REACH) yield { a, b, colleagues: sameCompany };
      }
      p = q;
      v += 1;
    }
  }
}

function* colleagues(population: Population): Generator<PersonPair> {
  for (const company of population.companies) {
    const end = population.blockStart(company.index + 1);
    for (let a = population.blockStart(company.index); a < end; a++) {
      for (let b = a + 1; b <= a + COLLEAGUE_REACH && b < end; b++) yield { a, b, colleagues: true };
    }
  }
}

/**
 * Falling weights with the given mean. The offset r0 bounds the top weight at
 * √(Σw) — where a pair's probability would reach 1 — but at least four times
 * the mean, so small graphs still have hubs.
 */
function powerLawWeights(people: number, meanWeight: number): (rank: number) => number {
  const topToMean = Math.max(4, Math.sqrt(people / meanWeight));
  // Solve top/mean = topToMean for r0 with the integral approximation of the mean; the ratio falls as r0 grows.
  const ratio = (r0: number) => (Math.pow(r0, -EXPONENT) * people * (1 - EXPONENT)) / (Math.pow(people + r0, 1 - EXPONENT) - Math.pow(r0, 1 - EXPONENT));
  let low = 1e-9;
  let high = 1e12;
  for (let step = 0; step < 200; step++) {
    const middle = Math.sqrt(low * high);
    if (ratio(middle) > topToMean) low = middle;
    else high = middle;
  }
  const r0 = high;
  let sum = 0;
  for (let r = 0; r < people; r++) sum += Math.pow(r + r0, -EXPONENT);
  const scale = (meanWeight * people) / sum;
  return (r) => scale * Math.pow(r + r0, -EXPONENT);
}
