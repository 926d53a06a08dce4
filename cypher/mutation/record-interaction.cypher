// After recordInteraction wrote an interaction and weighed its pair: says who
// recorded the interaction and the connection, when the interaction was new
// (recording the same one again changes nothing), and returns the connection.
// $workspace: String, $key: String (the interaction's), $viewer, $with: String (person ids), $recordedBy: String (the caller's email)
// Returns: item (the connection: people, strength, since, lastInteractionAt, recordedBy, recordedAt)
MATCH (i:Interaction {workspace: $workspace, key: $key})
USING INDEX SEEK i:Interaction(workspace, key)
WITH i, i.recordedBy IS NULL AS isNew
SET i.recordedBy = coalesce(i.recordedBy, $recordedBy), i.recordedAt = coalesce(i.recordedAt, datetime())
WITH isNew
MATCH (me:Person {workspace: $workspace, id: $viewer})
USING INDEX SEEK me:Person(id)
MATCH (them:Person {workspace: $workspace, id: $with})
USING INDEX SEEK them:Person(id)
WITH isNew, CASE WHEN me.email < coalesce(them.email, them.profileUrl) THEN [me, them] ELSE [them, me] END AS pair
WITH isNew, pair[0] AS low, pair[1] AS high
MATCH (low)-[k:KNOWS]->(high)
SET k.recordedBy = CASE WHEN isNew THEN $recordedBy ELSE k.recordedBy END,
    k.recordedAt = CASE WHEN isNew THEN datetime() ELSE k.recordedAt END
RETURN {people: [low {.*}, high {.*}], strength: k.strength, since: k.since, lastInteractionAt: k.lastInteractionAt,
        recordedBy: k.recordedBy, recordedAt: k.recordedAt} AS item
