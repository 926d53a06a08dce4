// Records an interaction between the viewer and a person, once per key (pair,
// kind and instant). Only a new interaction touches the connection: it creates
// it at $first, or raises its strength by $gain × (1 − strength); and moves
// lastInteractionAt forward to the interaction when it is later.
// $workspace: String, $viewer, $with: String (person ids), $key: String, $id: String (the new interaction's id),
// $kind: String, $at: DateTime, $notes: String or null, $first, $gain: Float, $recordedBy: String (the caller's email)
// Returns: item (the connection after it: people, strength, since, lastInteractionAt, recordedBy, recordedAt)
MATCH (me:Person {workspace: $workspace, id: $viewer})
MATCH (them:Person {workspace: $workspace, id: $with})
MERGE (i:Interaction {workspace: $workspace, key: $key})
  ON CREATE SET i.id = $id, i.kind = $kind, i.at = $at, i.notes = $notes, i.recordedBy = $recordedBy, i.recordedAt = datetime()
MERGE (i)-[:WITH]->(me)
MERGE (i)-[:WITH]->(them)
WITH i.id = $id AS isNew, CASE WHEN me.email < them.email THEN [me, them] ELSE [them, me] END AS pair
WITH isNew, pair[0] AS low, pair[1] AS high
CALL (isNew, low, high) {
  WITH low, high WHERE isNew
  MERGE (low)-[k:KNOWS]->(high)
    ON CREATE SET k.strength = $first
    ON MATCH SET k.strength = coalesce(k.strength, 0.0) + $gain * (1 - coalesce(k.strength, 0.0))
  SET k.lastInteractionAt = CASE WHEN k.lastInteractionAt > $at THEN k.lastInteractionAt ELSE $at END,
      k.recordedBy = $recordedBy, k.recordedAt = datetime()
}
MATCH (low)-[k:KNOWS]->(high)
RETURN {people: [low {.*}, high {.*}], strength: k.strength, since: k.since, lastInteractionAt: k.lastInteractionAt,
        recordedBy: k.recordedBy, recordedAt: k.recordedAt} AS item
