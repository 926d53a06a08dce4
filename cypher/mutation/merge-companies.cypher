// Merges two records of one company: `merge`'s employments, events, promises,
// snapshot places and places in saved filters move onto `keep`, and `merge`
// is removed, in this one statement. Keep gains the domain it lacks (taken
// off merge first: it is unique); its other properties win, merge's fill the
// gaps, and the event bounds (src/scoring.ts) add up as the events move; each
// employee's employerEventBound is summed again once the employments have moved.
// Someone employed by both keeps the employment they had at keep.
// Merging again after it was done returns keep (keep.mergedIds remembers).
// $workspace: String, $keep, $merge: String (company ids)
// Returns: item (keep's properties); no row when keep, or merge (never merged into keep), is not in the workspace
MATCH (keep:Company {workspace: $workspace, id: $keep})
USING INDEX SEEK keep:Company(id)
OPTIONAL MATCH (gone:Company {workspace: $workspace, id: $merge})
USING INDEX SEEK gone:Company(id)
WITH keep, gone, gone IS NOT NULL AS found
CALL (keep, gone) {
  WITH keep, gone WHERE gone IS NOT NULL
  WITH keep, gone, gone.domain AS domain
  REMOVE gone.domain
  SET keep.domain = coalesce(keep.domain, domain), keep.name = coalesce(keep.name, gone.name),
      keep.nameKey = coalesce(keep.nameKey, gone.nameKey), keep.industry = coalesce(keep.industry, gone.industry),
      keep.headcount = coalesce(keep.headcount, gone.headcount), keep.city = coalesce(keep.city, gone.city),
      keep.country = coalesce(keep.country, gone.country), keep.location = coalesce(keep.location, gone.location),
      keep.status = coalesce(keep.status, gone.status), keep.relationshipLevel = coalesce(keep.relationshipLevel, gone.relationshipLevel),
      keep.mergedIds = coalesce(keep.mergedIds, []) + gone.id,
      keep.eventBound = CASE WHEN keep.eventBound IS NULL AND gone.eventBound IS NULL THEN null
        ELSE coalesce(keep.eventBound, 0.0) + coalesce(gone.eventBound, 0.0) END
}
CALL (keep, gone) {
  MATCH (p:Person)-[w:WORKS_AT]->(gone)
  CALL (p, w, keep) {
    WITH * WHERE NOT EXISTS { (p)-[:WORKS_AT]->(keep) }
    CREATE (p)-[moved:WORKS_AT]->(keep)
    SET moved = properties(w)
  }
  DELETE w
}
CALL (keep) {
  MATCH (employee:Person)-[:WORKS_AT]->(keep)
  SET employee.employerEventBound = reduce(events_ = null, bound_ IN [(employee)-[:WORKS_AT]->(employer_:Company) WHERE employer_.eventBound IS NOT NULL | employer_.eventBound] | coalesce(events_, 0.0) + bound_)
}
CALL (keep, gone) {
  MATCH (gone)-[h:HAD_EVENT]->(e:CompanyEvent)
  MERGE (keep)-[:HAD_EVENT]->(e)
  DELETE h
}
CALL (keep, gone) {
  MATCH (pr:Promise)-[r:PROMISED_TO]->(gone)
  MERGE (pr)-[:PROMISED_TO]->(keep)
  DELETE r
}
CALL (keep, gone) {
  MATCH (s:Snapshot)-[inc:INCLUDES]->(gone)
  CALL (s, keep) {
    WITH * WHERE EXISTS { (s)-[:INCLUDES]->(keep) }
    SET s.members = s.members - 1
  }
  CALL (s, keep) {
    WITH * WHERE NOT EXISTS { (s)-[:INCLUDES]->(keep) }
    CREATE (s)-[:INCLUDES]->(keep)
  }
  DELETE inc
}
CALL (keep, gone) {
  WITH keep, gone WHERE gone IS NOT NULL
  MATCH (s:Segment {workspace: $workspace})
  WHERE s.people CONTAINS gone.id OR s.companies CONTAINS gone.id
  SET s.people = replace(s.people, gone.id, keep.id), s.companies = replace(s.companies, gone.id, keep.id)
}
CALL (gone) {
  WITH gone WHERE gone IS NOT NULL
  DETACH DELETE gone
}
WITH keep, found
WHERE found OR $merge IN coalesce(keep.mergedIds, [])
RETURN keep {.*} AS item
