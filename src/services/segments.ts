/**
 * What segments' readers share: the GraphQL fields, the segment export over
 * HTTP and snapshotSegment all re-run a segment's saved filter.
 */
import type { SegmentItem } from "../db/rows.js";
import type { CompanyWhere, PersonWhere } from "../filters/types.js";
import { validCompanyWhere, validPersonWhere } from "../validation/where.js";

/** A segment's saved filter, checked again on the way out: it is read from storage, which outlives code changes. */
export function peopleFilter(segment: SegmentItem): PersonWhere | null {
  return segment.people == null ? null : validPersonWhere(JSON.parse(String(segment.people)), "segment.people");
}

export function companyFilter(segment: SegmentItem): CompanyWhere | null {
  return segment.companies == null ? null : validCompanyWhere(JSON.parse(String(segment.companies)), "segment.companies");
}
