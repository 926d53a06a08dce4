/**
 * Each person's evidence bounds (src/scoring.ts), summed from a document's
 * engagements and concerns while the checking pass reads them, by the
 * person's place in the document's people section.
 *
 * Why: an import into an empty workspace writes them with the person, where
 * otherwise each engagement and concern adds its part to its person in the
 * graph, a write to the person and to the bounds' index each: seven million
 * of them at a million people. The sums are taken in document order, as
 * one lane of those writes would have added them.
 */
import { concernBound, engagementBound } from "../scoring.js";
import { toInstant } from "./normalize.js";

export interface PersonEvidence {
  engagementBound?: number;
  concernBound?: number;
}

export class EvidenceSums {
  /** NaN: no evidence (the person's bound stays unset, as the graph has it for someone without any). */
  private readonly engagement: Float64Array;
  private readonly concern: Float64Array;

  /** @param people how many records the document's people section has: the sums are kept for them, by index. */
  constructor(people: number) {
    this.engagement = new Float64Array(people).fill(Number.NaN);
    this.concern = new Float64Array(people).fill(Number.NaN);
  }

  addEngagement(person: number, action: string, at: string): void {
    this.engagement[person] = orZero(this.engagement[person]!) + engagementBound(action, toInstant(at));
  }

  addConcern(person: number, severity: number | undefined, expressedAt: string): void {
    this.concern[person] = orZero(this.concern[person]!) + concernBound(severity, toInstant(expressedAt));
  }

  /** The bounds of the document's `index`th person, only those they have evidence for. */
  of(index: number): PersonEvidence {
    const evidence: PersonEvidence = {};
    const engagement = this.engagement[index];
    const concern = this.concern[index];
    if (engagement !== undefined && !Number.isNaN(engagement)) evidence.engagementBound = engagement;
    if (concern !== undefined && !Number.isNaN(concern)) evidence.concernBound = concern;
    return evidence;
  }
}

function orZero(sum: number): number {
  return Number.isNaN(sum) ? 0 : sum;
}
