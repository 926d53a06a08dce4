// Concerns into a workspace that was empty when the import began: CREATE
// instead of the MERGEs of concerns.cypher, each person found by element id,
// as connections-into-empty.cypher says (concerns.cypher is the fallback and
// takes the same rows, each key made a lookup map). Their people were written
// with their concernBound already summed
// (src/graph-document/evidence-sums.ts).
// $workspace: String, $rows: [{key, person (a key: an email or a profile key), personId (element id, null when unknown), topic, props: {text, expressedAt, source, severity, level}, bound (for the fallback)}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (p) WHERE elementId(p) = row.personId
  AND 'Person' IN labels(p) AND p.workspace = $workspace AND (p.email = row.person OR p.profileUrl = row.person)
MATCH (t:Topic {workspace: $workspace, key: row.topic})
USING INDEX SEEK t:Topic(workspace, key)
CREATE (p)-[:VOICED]->(k:Concern {workspace: $workspace, key: row.key, id: randomUUID()})-[:ABOUT]->(t)
SET k += row.props
