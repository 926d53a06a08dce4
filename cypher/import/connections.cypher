// Connections, stored once from the lower email (a) to the higher (b).
// $workspace: String, $rows: [{a, b, props: {strength, since, lastInteractionAt}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (a:Person {workspace: $workspace, email: row.a})
MATCH (b:Person {workspace: $workspace, email: row.b})
MERGE (a)-[k:KNOWS]->(b)
SET k += row.props
