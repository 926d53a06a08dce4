// Upsert companies by domain; only the properties given are set.
// $workspace: String, $rows: [{domain, props: {name, industry, headcount, city, country, location, status, relationshipLevel}}]
// Returns: rows, existed
UNWIND $rows AS row
OPTIONAL MATCH (existing:Company {workspace: $workspace, domain: row.domain})
MERGE (c:Company {workspace: $workspace, domain: row.domain})
  ON CREATE SET c.id = randomUUID()
SET c += row.props
RETURN count(*) AS rows, count(existing) AS existed
