// Concerns, unique by key (person, topic, time and text), with who voiced them and their topic.
// A new concern, or one given a higher severity, adds its `bound` to its
// person's concernBound (src/scoring.ts; a concern without a severity
// is compared as 0 here, which can only add more than needed).
// $workspace: String, $rows: [{key, person ({email, profileUrl}, one null), topic, props: {text, expressedAt, source, severity, level}, bound}]
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
WITH row, p, t, k, k.expressedAt IS NULL OR row.props.severity > coalesce(k.severity, 0) AS grows
SET k += row.props
MERGE (p)-[:VOICED]->(k)
MERGE (k)-[:ABOUT]->(t)
WITH row, p, grows
CALL (row, p, grows) { WITH * WHERE grows SET p.concernBound = coalesce(p.concernBound, 0.0) + row.bound }
