// Interactions by key, each linked to its two people: the team side (the
// record's user) and the contact. Only the properties given are set.
// $workspace: String, $rows: [{key, user, person, props: {kind, direction, at, ref, notes}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (u:Person {workspace: $workspace, email: row.user})
MATCH (p:Person {workspace: $workspace, email: row.person})
MERGE (i:Interaction {workspace: $workspace, key: row.key})
  ON CREATE SET i.id = randomUUID()
SET i += row.props
MERGE (i)-[:WITH {side: "team"}]->(u)
MERGE (i)-[:WITH {side: "contact"}]->(p)
