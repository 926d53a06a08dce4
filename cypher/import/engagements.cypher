// Engagements, unique by person, content, action and time.
// $workspace: String, $rows: [{person ({email, profileUrl}, one null), content, action, at}]
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
MERGE (p)-[:ENGAGED {action: row.action, at: row.at}]->(c)
