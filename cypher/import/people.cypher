// Upsert people by email; only the properties given are set.
// $workspace: String, $rows: [{email, props: {name, title, city, country, location}}]
// Returns: rows, existed
UNWIND $rows AS row
OPTIONAL MATCH (existing:Person {workspace: $workspace, email: row.email})
MERGE (p:Person {workspace: $workspace, email: row.email})
  ON CREATE SET p.id = randomUUID()
SET p += row.props
RETURN count(*) AS rows, count(existing) AS existed
