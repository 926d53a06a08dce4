// Upsert companies by domain; only the properties given are set.
// $workspace: String, $rows: [{domain, props: {name, industry, headcount, city, country, location, status, relationshipLevel}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MERGE (c:Company {workspace: $workspace, domain: row.domain})
  ON CREATE SET c.id = randomUUID()
SET c += row.props
