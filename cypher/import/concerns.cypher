// Concerns, unique by key (person, topic, time and text), with who voiced them and their topic.
// $workspace: String, $rows: [{key, person ({email, profileUrl}, one null), topic, props: {text, expressedAt, source, severity, level}}]
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
MERGE (k:Concern {workspace: $workspace, key: row.key})
  ON CREATE SET k.id = randomUUID()
SET k += row.props
MERGE (p)-[:VOICED]->(k)
MERGE (k)-[:ABOUT]->(t)
