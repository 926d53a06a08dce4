// Removes the connection between two people (whichever way it is stored).
// $workspace: String, $a, $b: String (person ids)
// Returns: item (the connection as it was), no row when there was none
MATCH (x:Person {workspace: $workspace, id: $a})-[k:KNOWS]-(y:Person {workspace: $workspace, id: $b})
USING INDEX SEEK x:Person(id)
USING INDEX SEEK y:Person(id)
WITH x, y, k, {people: [x {.*}, y {.*}], strength: k.strength, since: k.since, lastInteractionAt: k.lastInteractionAt,
               recordedBy: k.recordedBy, recordedAt: k.recordedAt} AS item
DELETE k
RETURN item
