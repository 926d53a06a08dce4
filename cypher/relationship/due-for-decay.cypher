// Connections whose derived strength was last computed before $before, oldest
// first, with what the strength rule needs to compute it again; in one
// workspace, or in all when $workspace is null.
// $before: DateTime, $workspace: String or null, $limit: Integer
// Returns: id (the relationship's element id), evidence {sentLowToHigh, sentHighToLow, twoWay, volumeAt, volume}
MATCH (a)-[k:KNOWS]->()
WHERE k.derivedAt < $before AND ($workspace IS NULL OR a.workspace = $workspace)
RETURN elementId(k) AS id,
       k {.sentLowToHigh, .sentHighToLow, .twoWay, .volumeAt, .volume} AS evidence
ORDER BY k.derivedAt
LIMIT $limit
