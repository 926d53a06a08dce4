// Merges two records of one person: every fact of `merge` moves onto `keep`
// and `merge` is removed, in this one statement. Keys: keep gains the email
// and profile URL it lacks (taken off merge first: both are unique). Other
// properties: keep's win, merge's fill the gaps; the evidence bounds
// (src/scoring.ts) add up, as the evidence moves, and the employers' event
// bounds are summed again once the employments have moved. Connections are combined: to
// someone both knew, the stronger connection's properties stay. Engagements,
// concerns, promises, employments, interests, interactions (an interaction
// between the two goes), snapshot places and saved filters follow. Merging
// again after it was done returns keep (keep.mergedIds remembers).
// Connections stay stored from the lower key (email, else profile URL) to the
// higher, turned round where keep's new key changes the order.
// $workspace: String, $keep, $merge: String (person ids)
// Returns: item (keep's properties); no row when keep, or merge (never merged into keep), is not in the workspace
MATCH (keep:Person {workspace: $workspace, id: $keep})
USING INDEX SEEK keep:Person(id)
OPTIONAL MATCH (gone:Person {workspace: $workspace, id: $merge})
USING INDEX SEEK gone:Person(id)
WITH keep, gone, gone IS NOT NULL AS found
CALL (keep, gone) {
  WITH keep, gone WHERE gone IS NOT NULL
  WITH keep, gone, gone.email AS email, gone.profileUrl AS url
  REMOVE gone.email, gone.profileUrl
  SET keep.email = coalesce(keep.email, email), keep.profileUrl = coalesce(keep.profileUrl, url),
      keep.name = coalesce(keep.name, gone.name), keep.title = coalesce(keep.title, gone.title),
      keep.city = coalesce(keep.city, gone.city), keep.country = coalesce(keep.country, gone.country),
      keep.location = coalesce(keep.location, gone.location),
      keep.mergedIds = coalesce(keep.mergedIds, []) + gone.id,
      keep.engagementBound = CASE WHEN keep.engagementBound IS NULL AND gone.engagementBound IS NULL THEN null
        ELSE coalesce(keep.engagementBound, 0.0) + coalesce(gone.engagementBound, 0.0) END,
      keep.concernBound = CASE WHEN keep.concernBound IS NULL AND gone.concernBound IS NULL THEN null
        ELSE coalesce(keep.concernBound, 0.0) + coalesce(gone.concernBound, 0.0) END
  FOREACH (_ IN CASE WHEN gone:User THEN [1] ELSE [] END | SET keep:User)
}
CALL (keep, gone) {
  MATCH (gone)-[k:KNOWS]-(other) WHERE other <> keep
  OPTIONAL MATCH (keep)-[existing:KNOWS]-(other)
  WITH keep, gone, other, k, existing, startNode(k) = gone AS goneFirst
  CALL (keep, other, k, existing, goneFirst) {
    WITH * WHERE existing IS NULL
    CREATE (keep)-[moved:KNOWS]->(other)
    SET moved = properties(k)
    FOREACH (_ IN CASE WHEN goneFirst THEN [] ELSE [1] END | SET moved.sentLowToHigh = k.sentHighToLow, moved.sentHighToLow = k.sentLowToHigh)
  }
  CALL (keep, k, existing, goneFirst) {
    WITH * WHERE existing IS NOT NULL AND k.strength > existing.strength
    WITH *, (startNode(existing) = keep) = goneFirst AS sameWay
    SET existing = properties(k)
    FOREACH (_ IN CASE WHEN sameWay THEN [] ELSE [1] END | SET existing.sentLowToHigh = k.sentHighToLow, existing.sentHighToLow = k.sentLowToHigh)
  }
  DELETE k
}
CALL (keep) {
  MATCH (keep)-[k:KNOWS]-(other)
  WITH keep, other, k, startNode(k) = keep AS keepFirst
  WHERE keepFirst <> (coalesce(keep.email, keep.profileUrl) < coalesce(other.email, other.profileUrl))
  WITH k, CASE WHEN keepFirst THEN [other, keep] ELSE [keep, other] END AS pair
  CALL (k, pair) {
    WITH k, pair[0] AS low, pair[1] AS high
    CREATE (low)-[turned:KNOWS]->(high)
    SET turned = properties(k), turned.sentLowToHigh = k.sentHighToLow, turned.sentHighToLow = k.sentLowToHigh
    DELETE k
  }
}
CALL (keep, gone) {
  MATCH (gone)-[e:ENGAGED]->(c)
  MERGE (keep)-[moved:ENGAGED {action: e.action, at: e.at}]->(c)
    ON CREATE SET moved = properties(e)
  DELETE e
}
CALL (keep, gone) {
  MATCH (gone)-[v:VOICED]->(k:Concern)
  MERGE (keep)-[:VOICED]->(k)
  DELETE v
}
CALL (keep, gone) {
  MATCH (pr:Promise)-[r:PROMISED_TO]->(gone)
  MERGE (pr)-[:PROMISED_TO]->(keep)
  DELETE r
}
CALL (keep, gone) {
  MATCH (gone)-[w:WORKS_AT]->(c:Company)
  CALL (keep, w, c) {
    WITH * WHERE NOT EXISTS { (keep)-[:WORKS_AT]->(c) }
    CREATE (keep)-[moved:WORKS_AT]->(c)
    SET moved = properties(w)
  }
  DELETE w
}
CALL (keep) {
  SET keep.employerEventBound = reduce(events_ = null, bound_ IN [(keep)-[:WORKS_AT]->(employer_:Company) WHERE employer_.eventBound IS NOT NULL | employer_.eventBound] | coalesce(events_, 0.0) + bound_)
}
CALL (keep, gone) {
  MATCH (gone)-[i:INTERESTED_IN]->(t:Topic)
  MERGE (keep)-[moved:INTERESTED_IN]->(t)
    ON CREATE SET moved.weight = i.weight
    ON MATCH SET moved.weight = CASE WHEN i.weight > moved.weight THEN i.weight ELSE moved.weight END
  DELETE i
}
CALL (keep, gone) {
  MATCH (i:Interaction)-[:WITH]->(gone)
  WHERE EXISTS { (i)-[:WITH]->(keep) }
  DETACH DELETE i
}
CALL (keep, gone) {
  MATCH (i:Interaction)-[w:WITH]->(gone)
  CREATE (i)-[:WITH {side: w.side}]->(keep)
  DELETE w
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
