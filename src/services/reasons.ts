/**
 * A prospect row's evidence → the typed reasons of ProspectEdge, strongest
 * first, each with a line a rep can quote. A reason's weight is what its
 * evidence puts into the score before saturation: the signal's coefficient
 * (SCORING.weights) times the evidence's own decayed weight.
 */
import type { Item } from "../db/rows.js";
import type { ProspectRow } from "../filters/prospects.js";
import { SCORING } from "../scoring.js";
import type { IntroductionPath } from "../filters/statements.js";

/** The evidence columns of a prospect's row. */
export type EvidenceRow = Pick<ProspectRow, "item" | "path" | "engagements" | "concerns" | "interests" | "events">;

export interface Reason {
  __typename: "ConnectionReason" | "EngagementReason" | "ConcernReason" | "InterestReason" | "CompanyEventReason";
  summary: string;
  weight: number;
  [field: string]: unknown;
}

export function reasonsOf(row: EvidenceRow, scoredAt: string): Reason[] {
  const now = Date.parse(scoredAt);
  const { weights } = SCORING;
  const reasons: Reason[] = [];
  if (row.path) {
    const { path } = row;
    reasons.push({ __typename: "ConnectionReason", weight: weights.connection * path.score, path, summary: introductionLine(path) });
  }
  for (const { action, at, content, weight } of row.engagements) {
    const summary = `${ACTION_VERBS[action] ?? action.toLowerCase()} “${content.title ?? content.url}”${content.kind ? ` (${spoken(String(content.kind))})` : ""} ${ago(at, now)}`;
    reasons.push({ __typename: "EngagementReason", weight: weights.engagement * weight, engagement: { personId: row.item.id, action, at, content }, summary });
  }
  for (const { concern: properties, topic, weight } of row.concerns) {
    const concern: Item = { ...properties, topic };
    const where = concern.source ? `${SOURCE_PHRASES[String(concern.source)] ?? spoken(String(concern.source))} ` : "";
    const severity = concern.severity != null ? `, severity ${concern.severity}` : "";
    const summary = `${capitalised(`${where}${ago(String(concern.expressedAt), now)}`)} (${topic.name}${severity}): “${concern.text}”`;
    reasons.push({ __typename: "ConcernReason", weight: weights.concern * weight, concern, summary });
  }
  for (const { topic, weight } of row.interests) {
    reasons.push({ __typename: "InterestReason", weight: weights.interest * weight, interest: { personId: row.item.id, topic, weight }, summary: `Interested in ${topic.name} (weight ${weight})` });
  }
  for (const { company, event, weight } of row.events) {
    const summary = `${company.name ?? company.domain} ${eventPhrase(event)} ${ago(String(event.occurredAt), now)}`;
    reasons.push({ __typename: "CompanyEventReason", weight: weights.event * weight, company, event, summary });
  }
  // Shown to a rep as it is: 0.3 × 0.3 is 0.09, not 0.09000000000000001 (the same 6 decimals as the score).
  for (const reason of reasons) reason.weight = roundWeight(reason.weight);
  return reasons.sort((a, b) => b.weight - a.weight || a.summary.localeCompare(b.summary));
}

/** "Introduction: A → B (0.8) → C (0.5); strength 0.4"; a direct connection's one strength is said once: "Direct connection: A → B (0.85)". */
function introductionLine(path: IntroductionPath): string {
  const steps = path.people.map((person, i) => (i === 0 ? nameOf(person) : `${nameOf(person)} (${round(path.strengths[i - 1]!)})`));
  return path.hops === 1 ? `Direct connection: ${steps.join(" → ")}` : `Introduction: ${steps.join(" → ")}; strength ${round(path.score)}`;
}

function eventPhrase(event: Item): string {
  const amount = typeof event.amountUsd === "number" ? ` (${usd(event.amountUsd)})` : "";
  switch (event.type) {
    case "FUNDING": return `raised ${event.stage ? `a ${spoken(String(event.stage), true)} round` : "funding"}${amount}`;
    case "LEADERSHIP_CHANGE": return "changed leadership";
    case "ACQUISITION": return `was part of an acquisition${amount}`;
    case "PRODUCT_LAUNCH": return "launched a product";
    case "LAYOFFS": return "had layoffs";
    case "EXPANSION": return "expanded";
    case "IPO": return `went public${amount}`;
    default: return spoken(String(event.type));
  }
}

const ACTION_VERBS: Record<string, string> = {
  READ: "Read", DOWNLOADED: "Downloaded", ATTENDED: "Attended", SHARED: "Shared", LIKED: "Liked", COMMENTED: "Commented on",
};

const SOURCE_PHRASES: Record<string, string> = {
  CALL: "on a call", EMAIL: "by email", MEETING: "in a meeting", SOCIAL_POST: "in a social post",
  SURVEY: "in a survey", SUPPORT_TICKET: "in a support ticket", NOTE: "noted",
};

function ago(iso: string, now: number): string {
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  return days <= 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
}

/** WHITE_PAPER → "white paper"; SERIES_B → "Series B" when titled. */
function spoken(value: string, titled = false): string {
  const words = value.toLowerCase().split("_");
  return titled ? words.map((word) => (word.length === 1 ? word.toUpperCase() : capitalised(word))).join(" ") : words.join(" ");
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function usd(amount: number): string {
  return amount >= 1_000_000 ? `$${round(amount / 1_000_000)}M` : `$${Math.round(amount).toLocaleString("en-US")}`;
}

function nameOf(person: Item): string {
  return String(person.name ?? person.email);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function roundWeight(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
