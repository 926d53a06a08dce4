// Engagements into a workspace that was empty when the import began: CREATE
// instead of MERGE, each person found by element id, as connections-into-
// empty.cypher says (engagements.cypher is the fallback and takes the same
// rows, each key made a lookup map). Their people were written with their
// engagementBound already summed (src/graph-document/evidence-sums.ts).
// $workspace: String, $rows: [{person (a key: an email or a profile key), personId (element id, null when unknown), content, action, atMs (epoch milliseconds), bound (for the fallback)}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (p) WHERE elementId(p) = row.personId
  AND 'Person' IN labels(p) AND p.workspace = $workspace AND (p.email = row.person OR p.profileUrl = row.person)
MATCH (c:Content {workspace: $workspace, url: row.content})
USING INDEX SEEK c:Content(workspace, url)
CREATE (p)-[:ENGAGED {action: row.action, at: datetime({epochMillis: toInteger(row.atMs)})}]->(c)
