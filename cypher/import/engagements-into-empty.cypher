// Engagements into a workspace that was empty when the import began: CREATE
// instead of MERGE, each person found by element id, as connections-into-
// empty.cypher says (engagements.cypher is the fallback and takes the same
// rows as maps, each key a lookup map). Their people were written with their
// engagementBound already summed (src/graph-document/evidence-sums.ts).
// Each row is a list, not a map (src/graph-document/import-steps.ts byIdInto).
// $workspace: String, $rows: [[person (a key: an email or a profile key), personId (element id, null when unknown), content, action, atMs (epoch milliseconds), bound (for the fallback)]]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
WITH row[0] AS person, row[1] AS personId, row[2] AS content, row[3] AS action, row[4] AS atMs
MATCH (p) WHERE elementId(p) = personId
  AND 'Person' IN labels(p) AND p.workspace = $workspace AND (p.email = person OR p.profileUrl = person)
MATCH (c:Content {workspace: $workspace, url: content})
USING INDEX SEEK c:Content(workspace, url)
CREATE (p)-[:ENGAGED {action: action, at: datetime({epochMillis: toInteger(atMs)})}]->(c)
