// Engagements, unique by person, content, action and time.
// A new one adds its `bound` to its person's engagementBound (src/scoring.ts).
// $workspace: String, $rows: [{person ({email, profileUrl}, one null), content, action, atMs (epoch milliseconds, as connections.cypher takes its dates), bound}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
CALL (row) {
  MATCH (p:Person {workspace: $workspace, email: row.person.email})
  USING INDEX SEEK p:Person(workspace, email)
  RETURN p
  UNION
  MATCH (p:Person {workspace: $workspace, profileUrl: row.person.profileUrl})
  USING INDEX SEEK p:Person(workspace, profileUrl)
  RETURN p
}
MATCH (c:Content {workspace: $workspace, url: row.content})
USING INDEX SEEK c:Content(workspace, url)
MERGE (p)-[:ENGAGED {action: row.action, at: datetime({epochMillis: toInteger(row.atMs)})}]->(c)
  ON CREATE SET p.engagementBound = coalesce(p.engagementBound, 0.0) + row.bound
