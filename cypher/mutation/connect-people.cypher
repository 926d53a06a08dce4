// Connects two people, or sets the floor of their connection's strength (and
// its start): its strength is the larger of the floor and what their
// interactions give (src/relationships/strength.ts).
// Stored once per pair, from the lower key (email, else profile URL) to the higher, like the importer's.
// $workspace: String, $a, $b: String (person ids), $strength: Float, $since: DateTime or null (keeps what is known),
// $recordedBy: String (the caller's email)
// Returns: item (the connection: people, strength, since, lastInteractionAt, recordedBy, recordedAt)
MATCH (x:Person {workspace: $workspace, id: $a})
USING INDEX SEEK x:Person(id)
MATCH (y:Person {workspace: $workspace, id: $b})
USING INDEX SEEK y:Person(id)
WITH CASE WHEN coalesce(x.email, x.profileUrl) < coalesce(y.email, y.profileUrl) THEN [x, y] ELSE [y, x] END AS pair
WITH pair[0] AS low, pair[1] AS high
MERGE (low)-[k:KNOWS]->(high)
SET k.floor = $strength, k.strength = CASE WHEN k.derived > $strength THEN k.derived ELSE $strength END, k.since = coalesce($since, k.since), k.recordedBy = $recordedBy, k.recordedAt = datetime()
RETURN {people: [low {.*}, high {.*}], strength: k.strength, since: k.since, lastInteractionAt: k.lastInteractionAt,
        recordedBy: k.recordedBy, recordedAt: k.recordedAt} AS item
