/**
 * The line a rep reads on a team connection ("9 emails both ways and 1
 * meeting; last 3 days ago"): what the counts say, in the order a person
 * would say it, and how long ago the last interaction was.
 */
const DAY_MS = 86_400_000;

export interface EvidenceCounts {
  emailsSent: number;
  emailsReceived: number;
  meetings: number;
  lastInteractionAt: string | null;
}

export function evidenceSummary(counts: EvidenceCounts, nowMs: number): string {
  const parts = [...emailPart(counts), ...(counts.meetings > 0 ? [plural(counts.meetings, "meeting")] : [])];
  if (parts.length === 0 || counts.lastInteractionAt === null) return "set by hand or imported; no interactions";
  return `${parts.join(" and ")}; last ${ago(nowMs - Date.parse(counts.lastInteractionAt))}`;
}

function emailPart({ emailsSent, emailsReceived }: EvidenceCounts): string[] {
  if (emailsSent === 0 && emailsReceived === 0) return [];
  if (emailsReceived === 0) return [`${plural(emailsSent, "email")} sent, none answered`];
  if (emailsSent === 0) return [`${plural(emailsReceived, "email")} received, none answered`];
  return [`${plural(emailsSent + emailsReceived, "email")} both ways`];
}

function ago(ms: number): string {
  const days = Math.floor(Math.max(0, ms) / DAY_MS);
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 60) return `${days} days ago`;
  if (days < 730) return `${Math.floor(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
