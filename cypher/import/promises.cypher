// Promises, unique by key (the source system's id, or person/company, text and time),
// linked to the person and/or company they were made to.
// $workspace: String, $rows: [{key, person, company, props: {sourceId, text, madeAt, dueAt, status}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MERGE (pr:Promise {workspace: $workspace, key: row.key})
  ON CREATE SET pr.id = randomUUID()
SET pr += row.props
WITH pr, row
CALL (pr, row) {
  MATCH (p:Person {workspace: $workspace, email: row.person})
  MERGE (pr)-[:PROMISED_TO]->(p)
}
CALL (pr, row) {
  MATCH (c:Company {workspace: $workspace, domain: row.company})
  MERGE (pr)-[:PROMISED_TO]->(c)
}
