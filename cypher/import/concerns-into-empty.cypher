// Concerns into a workspace that was empty when the import began: CREATE
// instead of the MERGEs of concerns.cypher, each person found by element id,
// as connections-into-empty.cypher says (concerns.cypher is the fallback and
// takes the same rows as maps, each key a lookup map). Their people were written
// with their concernBound already summed
// (src/graph-document/evidence-sums.ts).
// Each row is a list, not a map (src/graph-document/import-steps.ts byIdInto).
// $workspace: String, $rows: [[key, person (a key: an email or a profile key), personId (element id, null when unknown), topic, props: {text, expressedAt, source, severity, level}, bound (for the fallback)]]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
WITH row[0] AS key, row[1] AS person, row[2] AS personId, row[3] AS topic, row[4] AS props
MATCH (p) WHERE elementId(p) = personId
  AND 'Person' IN labels(p) AND p.workspace = $workspace AND (p.email = person OR p.profileUrl = person)
MATCH (t:Topic {workspace: $workspace, key: topic})
USING INDEX SEEK t:Topic(workspace, key)
CREATE (p)-[:VOICED]->(k:Concern {workspace: $workspace, key: key, id: randomUUID()})-[:ABOUT]->(t)
SET k += props
