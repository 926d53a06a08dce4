// Records a company event (a buying trigger), unique by key (company, type and
// time) as the importer's; who recorded it and when are kept from the first time.
// $workspace: String, $company: String (id), $key: String, $props: {type, stage, amountUsd, occurredAt},
// $recordedBy: String (the caller's email), $bound: Float (what a new one adds to
// the company's eventBound: src/scoring.ts)
// Returns: item (the event's properties)
MATCH (c:Company {workspace: $workspace, id: $company})
USING INDEX SEEK c:Company(id)
MERGE (e:CompanyEvent {workspace: $workspace, key: $key})
  ON CREATE SET e.id = randomUUID(), e.recordedBy = $recordedBy, e.recordedAt = datetime(),
    c.eventBound = coalesce(c.eventBound, 0.0) + $bound
SET e += $props
MERGE (c)-[:HAD_EVENT]->(e)
RETURN e {.*} AS item
