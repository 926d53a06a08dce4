// Connections, stored once from the lower email (a) to the higher (b). The
// document's strength is the connection's floor: its strength is the larger of
// that and what its interactions give (src/relationships/strength.ts).
// $workspace: String, $rows: [{a, b, props: {floor, since, lastInteractionAt}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (a:Person {workspace: $workspace, email: row.a})
MATCH (b:Person {workspace: $workspace, email: row.b})
MERGE (a)-[k:KNOWS]->(b)
SET k += row.props
SET k.strength = CASE WHEN k.derived > k.floor THEN k.derived ELSE k.floor END
