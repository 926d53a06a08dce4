// Connections into a workspace that was empty when the import began: nothing
// can exist yet and the document has no duplicates, so CREATE does what MERGE
// would without first looking for an existing relationship (measured: 1.25×
// the rate of connections.cypher).
// Nor can interactions, so the strength is the floor (see connections.cypher).
// $workspace: String, $rows: [{a, b, props: {floor, since, lastInteractionAt}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (a:Person {workspace: $workspace, email: row.a})
MATCH (b:Person {workspace: $workspace, email: row.b})
CREATE (a)-[k:KNOWS]->(b)
SET k += row.props, k.strength = row.props.floor
