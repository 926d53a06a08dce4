// Company events, unique by key (company, type and time).
// A new one adds its `bound` to its company's eventBound, and to the
// employerEventBound of everyone who works or worked there (src/scoring.ts).
// $workspace: String, $rows: [{key, company ({domain, nameKey}, one null), props: {type, stage, amountUsd, occurredAt}, bound}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
CALL (row) {
  MATCH (c:Company {workspace: $workspace, domain: row.company.domain})
  USING INDEX SEEK c:Company(workspace, domain)
  RETURN c
  UNION
  MATCH (c:Company {workspace: $workspace, nameKey: row.company.nameKey})
  USING INDEX SEEK c:Company(workspace, nameKey)
  WITH c ORDER BY c.domain IS NOT NULL, c.domain LIMIT 1
  RETURN c
}
WITH row, c, randomUUID() AS newId
MERGE (e:CompanyEvent {workspace: $workspace, key: row.key})
  ON CREATE SET e.id = newId, c.eventBound = coalesce(c.eventBound, 0.0) + row.bound
SET e += row.props
MERGE (c)-[:HAD_EVENT]->(e)
WITH row, c, e.id = newId AS created
CALL (row, c, created) {
  WITH * WHERE created
  MATCH (employee:Person)-[:WORKS_AT]->(c)
  SET employee.employerEventBound = coalesce(employee.employerEventBound, 0.0) + row.bound
}
