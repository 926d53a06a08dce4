// Engagements into a workspace that was empty when the import began: CREATE
// instead of MERGE, for the reason given in connections-into-empty.cypher.
// Their people were written with their engagementBound already summed
// (src/graph-document/evidence-sums.ts).
// $workspace: String, $rows: [{person ({email, profileUrl}, one null), content, action, atMs (epoch milliseconds, as connections.cypher takes its dates)}]
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
CREATE (p)-[:ENGAGED {action: row.action, at: datetime({epochMillis: toInteger(row.atMs)})}]->(c)
