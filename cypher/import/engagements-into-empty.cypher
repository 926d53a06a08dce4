// Engagements into a workspace that was empty when the import began: CREATE
// instead of MERGE, each person of the batch found once by element id, as
// connections-into-empty.cypher says (engagements.cypher is the fallback and
// takes the same rows as maps, each key a lookup map). Their people were
// written with their engagementBound already summed
// (src/graph-document/evidence-sums.ts).
// Each row is a list, not a map (src/graph-document/import-steps.ts byIdInto).
// $workspace: String, $people: [[key (an email or a profile key), id (element id, null when unknown)]],
// $rows: [[person (a place in $people), content, action, atMs (epoch milliseconds), bound (for the fallback)]]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND range(0, size($people) - 1) AS place
OPTIONAL MATCH (p) WHERE elementId(p) = $people[place][1]
  AND 'Person' IN labels(p) AND p.workspace = $workspace AND (p.email = $people[place][0] OR p.profileUrl = $people[place][0])
WITH collect([place, p]) AS found
UNWIND $rows AS row
WITH row, found[toInteger(row[0])] AS person
WHERE person[0] = row[0] AND person[1] IS NOT NULL
WITH row, person[1] AS p
MATCH (c:Content {workspace: $workspace, url: row[1]})
USING INDEX SEEK c:Content(workspace, url)
CREATE (p)-[:ENGAGED {action: row[2], at: datetime({epochMillis: toInteger(row[3])})}]->(c)
