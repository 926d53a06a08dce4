// A person's interest in a topic, with its weight.
// $workspace: String, $rows: [{person ({email, profileUrl}, one null), topic, weight}]
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
MATCH (t:Topic {workspace: $workspace, key: row.topic})
USING INDEX SEEK t:Topic(workspace, key)
MERGE (p)-[i:INTERESTED_IN]->(t)
SET i.weight = row.weight
