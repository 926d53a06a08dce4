// Upsert people by email; only the properties given are set.
// $workspace: String, $rows: [{email, props: {name, title, city, country, location}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MERGE (p:Person {workspace: $workspace, email: row.email})
  ON CREATE SET p.id = randomUUID()
SET p += row.props
