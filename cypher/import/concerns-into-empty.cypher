// Concerns into a workspace that was empty when the import began: CREATE
// instead of the MERGEs of concerns.cypher, each person of the batch found
// once by element id, as connections-into-empty.cypher says, and each topic
// once by its key (concerns.cypher is the fallback and takes the same rows as
// maps, each key a lookup map). Their people were written with their
// concernBound already summed (src/graph-document/evidence-sums.ts).
// Each row is a list, not a map (src/graph-document/import-steps.ts byIdInto).
// $workspace: String, $people: [[key (an email or a profile key), id (element id, null when unknown)]], $topics: [key],
// $rows: [[person (a place in $people), key, topic (a place in $topics), props: {text, expressedAt, source, severity, level}, bound (for the fallback)]]
// Returns: nothing; the importer reads what was created from the update counters
CALL () {
  UNWIND range(0, size($people) - 1) AS place
  OPTIONAL MATCH (p) WHERE elementId(p) = $people[place][1]
    AND 'Person' IN labels(p) AND p.workspace = $workspace AND (p.email = $people[place][0] OR p.profileUrl = $people[place][0])
  RETURN collect([place, p]) AS people
}
CALL () {
  UNWIND range(0, size($topics) - 1) AS place
  OPTIONAL MATCH (t:Topic {workspace: $workspace, key: $topics[place]})
  USING INDEX SEEK t:Topic(workspace, key)
  RETURN collect([place, t]) AS topics
}
UNWIND $rows AS row
WITH row, people[toInteger(row[0])] AS person, topics[toInteger(row[2])] AS topic
WHERE person[0] = row[0] AND person[1] IS NOT NULL AND topic[0] = row[2] AND topic[1] IS NOT NULL
WITH row, person[1] AS p, topic[1] AS t
CREATE (p)-[:VOICED]->(k:Concern {workspace: $workspace, key: row[1], id: randomUUID()})-[:ABOUT]->(t)
SET k += row[3]
