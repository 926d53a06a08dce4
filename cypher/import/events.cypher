// Company events, unique by key (company, type and time).
// $workspace: String, $rows: [{key, company, props: {type, stage, amountUsd, occurredAt}}]
// Returns: rows, existed
UNWIND $rows AS row
MATCH (c:Company {workspace: $workspace, domain: row.company})
OPTIONAL MATCH (existing:CompanyEvent {workspace: $workspace, key: row.key})
MERGE (e:CompanyEvent {workspace: $workspace, key: row.key})
  ON CREATE SET e.id = randomUUID()
SET e += row.props
MERGE (c)-[:HAD_EVENT]->(e)
RETURN count(*) AS rows, count(existing) AS existed
