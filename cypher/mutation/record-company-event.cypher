// Records a company event (a buying trigger), unique by key (company, type and
// time) as the importer's; who recorded it and when are kept from the first time.
// $workspace: String, $company: String (id), $key: String, $props: {type, stage, amountUsd, occurredAt},
// $recordedBy: String (the caller's email), $bound: Float (what a new one adds to
// the company's eventBound and to the employerEventBound of everyone who works or
// worked there: src/scoring.ts)
// Returns: item (the event's properties)
MATCH (c:Company {workspace: $workspace, id: $company})
USING INDEX SEEK c:Company(id)
WITH c, randomUUID() AS newId
MERGE (e:CompanyEvent {workspace: $workspace, key: $key})
  ON CREATE SET e.id = newId, e.recordedBy = $recordedBy, e.recordedAt = datetime(),
    c.eventBound = coalesce(c.eventBound, 0.0) + $bound
SET e += $props
MERGE (c)-[:HAD_EVENT]->(e)
WITH c, e, e.id = newId AS created
CALL (c, created) {
  WITH * WHERE created
  MATCH (employee:Person)-[:WORKS_AT]->(c)
  SET employee.employerEventBound = coalesce(employee.employerEventBound, 0.0) + $bound
}
RETURN e {.*} AS item
