// Engagements into a workspace that was empty when the import began: CREATE
// instead of MERGE, each person of the batch found once by element id, as
// connections-into-empty.cypher says, and each content item once by its URL
// (engagements.cypher is the fallback and
// takes the same rows as maps, each key a lookup map). Their people were
// written with their engagementBound already summed
// (src/graph-document/evidence-sums.ts).
// Each row is a list, not a map (src/graph-document/import-steps.ts byIdInto).
// $workspace: String, $people: [[key (an email or a profile key), id (element id, null when unknown)]], $contents: [url],
// $rows: [[person (a place in $people), content (a place in $contents), action, atMs (epoch milliseconds), bound (for the fallback)]]
// Returns: nothing; the importer reads what was created from the update counters
CALL () {
  UNWIND range(0, size($people) - 1) AS place
  OPTIONAL MATCH (p) WHERE elementId(p) = $people[place][1]
    AND 'Person' IN labels(p) AND p.workspace = $workspace AND (p.email = $people[place][0] OR p.profileUrl = $people[place][0])
  RETURN collect([place, p]) AS people
}
CALL () {
  UNWIND range(0, size($contents) - 1) AS place
  OPTIONAL MATCH (c:Content {workspace: $workspace, url: $contents[place]})
  USING INDEX SEEK c:Content(workspace, url)
  RETURN collect([place, c]) AS contents
}
UNWIND $rows AS row
WITH row, people[toInteger(row[0])] AS person, contents[toInteger(row[1])] AS content
WHERE person[0] = row[0] AND person[1] IS NOT NULL AND content[0] = row[1] AND content[1] IS NOT NULL
WITH row, person[1] AS p, content[1] AS c
CREATE (p)-[:ENGAGED {action: row[2], at: datetime({epochMillis: toInteger(row[3])})}]->(c)
