// Concerns into a workspace that was empty when the import began: CREATE
// instead of the MERGEs of concerns.cypher, for the reason given in
// connections-into-empty.cypher. Their people were written with their
// concernBound already summed (src/graph-document/evidence-sums.ts).
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
CREATE (p)-[:VOICED]->(k:Concern {workspace: $workspace, key: row.key, id: randomUUID()})-[:ABOUT]->(t)
SET k += row.props
