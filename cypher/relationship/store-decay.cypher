// The derived strength of connections as of $now, computed again by
// src/relationships/decay.ts from their stored evidence.
// $now: DateTime, $rows: [{id (element id), derived: Float}]
// Returns: nothing
UNWIND $rows AS row
MATCH ()-[k:KNOWS]->()
WHERE elementId(k) = row.id
SET k.derived = row.derived, k.derivedAt = $now,
    k.strength = CASE WHEN k.floor > row.derived THEN k.floor ELSE row.derived END
