// Connections into a workspace that was empty when the import began: nothing
// can exist yet and the document has no duplicates, so CREATE does what MERGE
// would without first looking for an existing relationship (measured: 1.25×
// the rate of connections.cypher). Each person of the batch is found once, by
// the element id the importer read after writing them
// (src/graph-document/person-ids.ts), and checked against their key; a row
// names its people by their place in $people. A row whose person is not
// found so (no id, or one of someone else) creates nothing, and the importer
// writes its batch again with connections.cypher (ImportStep.fallback), as
// maps, each key a lookup map. A row also checks that the entry at its place
// is the one it names, so that the statement does not depend on collect()
// keeping the order of $people.
// The label is tested as `IN labels(x)`, not in the pattern: with a label
// there, Neo4j planned a read of the workspace filtered by id while the
// workspace was small, and would keep that plan as it grew.
// Nor can interactions exist, so the strength is the floor (see connections.cypher).
// Each row is a list, not a map (src/graph-document/import-steps.ts byIdInto).
// $workspace: String, $people: [[key (an email or a profile key), id (element id, null when unknown)]],
// $rows: [[a, b (places in $people), props: {floor}, sinceMs, lastInteractionAtMs: Float or null (epoch milliseconds)]]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND range(0, size($people) - 1) AS place
OPTIONAL MATCH (x) WHERE elementId(x) = $people[place][1]
  AND 'Person' IN labels(x) AND x.workspace = $workspace AND (x.email = $people[place][0] OR x.profileUrl = $people[place][0])
WITH collect([place, x, coalesce(x.email, x.profileUrl)]) AS found
UNWIND $rows AS row
WITH row, found[toInteger(row[0])] AS x, found[toInteger(row[1])] AS y
WHERE x[0] = row[0] AND y[0] = row[1] AND x[1] IS NOT NULL AND y[1] IS NOT NULL
WITH row, CASE WHEN x[2] < y[2] THEN [x[1], y[1]] ELSE [y[1], x[1]] END AS pair
WITH row, pair[0] AS a, pair[1] AS b
// One property map as it is created, not four SETs after it: 15 million of
// them at a million people. A null (a date or floor not given) sets nothing.
CREATE (a)-[:KNOWS {
  floor: row[2].floor,
  strength: row[2].floor,
  since: CASE WHEN row[3] IS NULL THEN null ELSE datetime({epochMillis: toInteger(row[3])}) END,
  lastInteractionAt: CASE WHEN row[4] IS NULL THEN null ELSE datetime({epochMillis: toInteger(row[4])}) END
}]->(b)
