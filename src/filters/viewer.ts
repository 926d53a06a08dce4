/**
 * Whether a filter reads the viewer ("me"): a connectedTo (but of the team)
 * or a near that names no person starts at the viewer. Decided from the filter before it is
 * compiled, so that a question that names its people costs no lookup of the
 * viewer, and a question that needs one is compiled once, after it.
 */
import type { CompanyWhere, PersonWhere } from "./types.js";

export function personWhereReadsViewer(where: PersonWhere): boolean {
  const { connectedTo, near } = where;
  if (connectedTo && !connectedTo.team && connectedTo.person == null) return true;
  if (near && near.person == null && (near.latitude == null || near.longitude == null)) return true;
  if (where.worksAt && companyWhereReadsViewer(where.worksAt)) return true;
  return [...(where.AND ?? []), ...(where.OR ?? []), ...(where.NOT ? [where.NOT] : [])].some(personWhereReadsViewer);
}

export function companyWhereReadsViewer(where: CompanyWhere): boolean {
  if (where.employs && personWhereReadsViewer(where.employs)) return true;
  return [...(where.AND ?? []), ...(where.OR ?? []), ...(where.NOT ? [where.NOT] : [])].some(companyWhereReadsViewer);
}
