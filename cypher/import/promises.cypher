// Promises, unique by key (the source system's id, or person/company, text and time),
// linked to the person and/or company they were made to.
// $workspace: String, $rows: [{key, person ({email, profileUrl}, one null), company ({domain, nameKey}, one null), props: {sourceId, text, madeAt, dueAt, status}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MERGE (pr:Promise {workspace: $workspace, key: row.key})
  ON CREATE SET pr.id = randomUUID()
SET pr += row.props
WITH pr, row
CALL (pr, row) {
  CALL (row) {
    MATCH (p:Person {workspace: $workspace, email: row.person.email})
    USING INDEX SEEK p:Person(workspace, email)
    RETURN p
    UNION
    MATCH (p:Person {workspace: $workspace, profileUrl: row.person.profileUrl})
    USING INDEX SEEK p:Person(workspace, profileUrl)
    RETURN p
  }
  MERGE (pr)-[:PROMISED_TO]->(p)
}
CALL (pr, row) {
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
  MERGE (pr)-[:PROMISED_TO]->(c)
}
