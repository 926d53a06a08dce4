// Connections into a workspace that was empty when the import began: nothing
// can exist yet and the document has no duplicates, so CREATE does what MERGE
// would without first looking for an existing relationship (measured: 1.25×
// the rate of connections.cypher).
// Nor can interactions, so the strength is the floor (see connections.cypher).
// $workspace: String, $rows: [{a, b ({email, profileUrl}, one null), props: {floor}, sinceMs, lastInteractionAtMs: Float or null (epoch milliseconds)}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
CALL (row) {
  MATCH (x:Person {workspace: $workspace, email: row.a.email})
  USING INDEX SEEK x:Person(workspace, email)
  RETURN x
  UNION
  MATCH (x:Person {workspace: $workspace, profileUrl: row.a.profileUrl})
  USING INDEX SEEK x:Person(workspace, profileUrl)
  RETURN x
}
CALL (row) {
  MATCH (y:Person {workspace: $workspace, email: row.b.email})
  USING INDEX SEEK y:Person(workspace, email)
  RETURN y
  UNION
  MATCH (y:Person {workspace: $workspace, profileUrl: row.b.profileUrl})
  USING INDEX SEEK y:Person(workspace, profileUrl)
  RETURN y
}
WITH row, CASE WHEN coalesce(x.email, x.profileUrl) < coalesce(y.email, y.profileUrl) THEN [x, y] ELSE [y, x] END AS pair
WITH row, pair[0] AS a, pair[1] AS b
// One property map as it is created, not four SETs after it: 15 million of
// them at a million people. A null (a date or floor not given) sets nothing.
CREATE (a)-[:KNOWS {
  floor: row.props.floor,
  strength: row.props.floor,
  since: CASE WHEN row.sinceMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.sinceMs)}) END,
  lastInteractionAt: CASE WHEN row.lastInteractionAtMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.lastInteractionAtMs)}) END
}]->(b)
