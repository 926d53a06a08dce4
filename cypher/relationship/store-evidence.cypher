// Stores what a pair's interactions add up to on its connection, and the
// strength that follows (src/relationships/strength.ts): the larger of the
// floor (a strength set by hand or imported) and the derived strength. A pair
// whose interactions give no derived strength and that has no connection yet
// gets none. since and lastInteractionAt widen to cover the interactions.
// $workspace: String, $now: DateTime,
// $rows: [{low, high ({email, profileUrl}, one null), sentLowToHigh, sentHighToLow, twoWay: Integer, first, last: DateTime, volume, derived: Float}]
// Returns: connected (how many pairs have a connection after it)
UNWIND $rows AS row
CALL (row) {
  MATCH (low:Person {workspace: $workspace, email: row.low.email})
  USING INDEX SEEK low:Person(workspace, email)
  RETURN low
  UNION
  MATCH (low:Person {workspace: $workspace, profileUrl: row.low.profileUrl})
  USING INDEX SEEK low:Person(workspace, profileUrl)
  RETURN low
}
CALL (row) {
  MATCH (high:Person {workspace: $workspace, email: row.high.email})
  USING INDEX SEEK high:Person(workspace, email)
  RETURN high
  UNION
  MATCH (high:Person {workspace: $workspace, profileUrl: row.high.profileUrl})
  USING INDEX SEEK high:Person(workspace, profileUrl)
  RETURN high
}
OPTIONAL MATCH (low)-[existing:KNOWS]->(high)
WITH low, high, row, existing
WHERE existing IS NOT NULL OR row.derived > 0
MERGE (low)-[k:KNOWS]->(high)
SET k.sentLowToHigh = row.sentLowToHigh, k.sentHighToLow = row.sentHighToLow, k.twoWay = row.twoWay,
    k.firstInteractionAt = row.first, k.volumeAt = row.last, k.volume = row.volume,
    k.derived = row.derived, k.derivedAt = $now,
    k.strength = CASE WHEN k.floor > row.derived THEN k.floor ELSE row.derived END,
    k.since = CASE WHEN k.since < row.first THEN k.since ELSE row.first END,
    k.lastInteractionAt = CASE WHEN k.lastInteractionAt > row.last THEN k.lastInteractionAt ELSE row.last END
RETURN count(*) AS connected
