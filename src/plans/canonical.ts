/**
 * The canonical questions of docs/domain.md that are filters (1 to 4, and the
 * marketer's whole-workspace lists), as the list field and filter a client
 * sends. The benchmark asks them (bench/questions.ts) and the server plans
 * their statements at start (warm.ts): one definition, so what is warmed is
 * what is measured. Neo4j keys a cached plan by the statement's text and its
 * parameters' types, lists and strings bucketed by size (0, 1, up to 10, up to
 * 100 …), so the values matter as much as the shape.
 */
import type { CompanyWhere, PersonWhere } from "../filters/types.js";

export const CRM_WHITE_PAPERS = { topics: ["CRM"], contentKinds: ["WHITE_PAPER"] };
export const RECENT_CHURN = { topics: ["Churn"], withinDays: 90 };
export const SERIES_B_IN_60_DAYS = { types: ["FUNDING"], fundingStages: ["SERIES_B"], withinDays: 60 };

export type CanonicalFilter =
  | { name: string; list: "people" | "prospects"; where: PersonWhere }
  | { name: string; list: "companies"; where: CompanyWhere };

/** Q1: my connections within maxHops who read CRM white papers and voiced churn concerns in the last 90 days. */
export const q1 = (person: string, maxHops: number): PersonWhere => ({
  connectedTo: { person, maxHops }, engagedWith: CRM_WHITE_PAPERS, expressedConcern: RECENT_CHURN,
});

/** The canonical filters, from the person `me`; `hops` are the maxHops each connectedTo is asked with. */
export function canonicalFilters(me: string, hops: readonly number[] = [1, 2]): CanonicalFilter[] {
  const connected = (maxHops: number) => ({ person: me, maxHops });
  const byHops = (each: (maxHops: number) => CanonicalFilter) => hops.map(each);
  return [
    ...byHops((h) => ({ name: `Q1 ${hopsName(h)}`, list: "people", where: q1(me, h) })),
    ...byHops((h) => ({ name: `Q2 ${hopsName(h)}`, list: "companies", where: { employs: { connectedTo: connected(h), engagedWith: CRM_WHITE_PAPERS } } })),
    ...byHops((h) => ({
      name: `Q3 ${hopsName(h)}`, list: "people", where: { connectedTo: connected(h), near: { person: me, radiusKm: 25 }, interestedIn: { topics: ["Churn"] } },
    })),
    ...byHops((h) => ({ name: `Q4 ${hopsName(h)}`, list: "companies", where: { hadEvent: SERIES_B_IN_60_DAYS, employs: { connectedTo: connected(h) } } })),
    ...byHops((h) => ({ name: `prospects Q1 ${hopsName(h)}`, list: "prospects", where: q1(me, h) })),
    // A marketer's lists: the whole workspace, no connectedTo (the connection signal looks two hops from me).
    { name: "Q1, whole workspace", list: "people", where: { engagedWith: CRM_WHITE_PAPERS, expressedConcern: RECENT_CHURN } },
    { name: "prospects Q1, whole workspace", list: "prospects", where: { engagedWith: CRM_WHITE_PAPERS, expressedConcern: RECENT_CHURN } },
    { name: "prospects interested in CRM, whole workspace", list: "prospects", where: { interestedIn: { topics: ["CRM"] } } },
  ];
}

export const hopsName = (maxHops: number) => (maxHops === 1 ? "1 hop" : `${maxHops} hops`);
