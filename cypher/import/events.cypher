// Company events, unique by key (company, type and time).
// $workspace: String, $rows: [{key, company, props: {type, stage, amountUsd, occurredAt}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (c:Company {workspace: $workspace, domain: row.company})
MERGE (e:CompanyEvent {workspace: $workspace, key: row.key})
  ON CREATE SET e.id = randomUUID()
SET e += row.props
MERGE (c)-[:HAD_EVENT]->(e)
