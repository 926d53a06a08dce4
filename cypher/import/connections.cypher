// Connections, stored once from the lower email (a) to the higher (b).
// $workspace: String, $rows: [{a, b, props: {strength, since, lastInteractionAt}}]
// Returns: rows, existed
UNWIND $rows AS row
MATCH (a:Person {workspace: $workspace, email: row.a})
MATCH (b:Person {workspace: $workspace, email: row.b})
OPTIONAL MATCH (a)-[existing:KNOWS]->(b)
MERGE (a)-[k:KNOWS]->(b)
SET k += row.props
RETURN count(*) AS rows, count(existing) AS existed
