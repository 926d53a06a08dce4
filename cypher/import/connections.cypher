// Connections, stored once from the lower key (email, else profile URL) to
// the higher, whichever key the row names them by. The
// document's strength is the connection's floor: its strength is the larger of
// that and what its interactions give (src/relationships/strength.ts).
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
MERGE (a)-[k:KNOWS]->(b)
SET k += row.props,
  k.since = CASE WHEN row.sinceMs IS NULL THEN k.since ELSE datetime({epochMillis: toInteger(row.sinceMs)}) END,
  k.lastInteractionAt = CASE WHEN row.lastInteractionAtMs IS NULL THEN k.lastInteractionAt ELSE datetime({epochMillis: toInteger(row.lastInteractionAtMs)}) END
SET k.strength = CASE WHEN k.derived > k.floor THEN k.derived ELSE k.floor END
