// Connections into a workspace that was empty when the import began: nothing
// can exist yet and the document has no duplicates, so CREATE does what MERGE
// would without first looking for an existing relationship (measured: 1.25×
// the rate of connections.cypher). Its people are found by the element ids
// the importer read after writing them (src/graph-document/person-ids.ts),
// each checked against the row's key: a row whose id finds no one with that
// key creates nothing, and the importer writes its batch again with
// connections.cypher (ImportStep.fallback), as maps, each key a lookup map.
// The label is tested as `IN labels(x)`, not in the pattern: with a label
// there, Neo4j planned a read of the workspace filtered by id while the
// workspace was small, and would keep that plan as it grew.
// Nor can interactions exist, so the strength is the floor (see connections.cypher).
// Each row is a list, not a map (src/graph-document/import-steps.ts byIdInto).
// $workspace: String, $rows: [[a, b (keys: an email or a profile key), aId, bId (element ids, null when unknown), props: {floor}, sinceMs, lastInteractionAtMs: Float or null (epoch milliseconds)]]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
WITH row[0] AS aKey, row[1] AS bKey, row[2] AS aId, row[3] AS bId, row[4] AS props, row[5] AS sinceMs, row[6] AS lastInteractionAtMs
MATCH (x) WHERE elementId(x) = aId
  AND 'Person' IN labels(x) AND x.workspace = $workspace AND (x.email = aKey OR x.profileUrl = aKey)
MATCH (y) WHERE elementId(y) = bId
  AND 'Person' IN labels(y) AND y.workspace = $workspace AND (y.email = bKey OR y.profileUrl = bKey)
WITH props, sinceMs, lastInteractionAtMs, CASE WHEN coalesce(x.email, x.profileUrl) < coalesce(y.email, y.profileUrl) THEN [x, y] ELSE [y, x] END AS pair
WITH props, sinceMs, lastInteractionAtMs, pair[0] AS a, pair[1] AS b
// One property map as it is created, not four SETs after it: 15 million of
// them at a million people. A null (a date or floor not given) sets nothing.
CREATE (a)-[:KNOWS {
  floor: props.floor,
  strength: props.floor,
  since: CASE WHEN sinceMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(sinceMs)}) END,
  lastInteractionAt: CASE WHEN lastInteractionAtMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(lastInteractionAtMs)}) END
}]->(b)
