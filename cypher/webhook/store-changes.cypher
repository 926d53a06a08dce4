// Stores a segment's newly evaluated membership and, in the same transaction,
// the deliveries of the events that say what changed (the outbox). The
// membership is replaced only if it is still the version the evaluation
// compared against: the lock taken first makes a concurrent evaluation (by
// another instance) wait, then find a newer version and store nothing.
// $workspace: String, $segment: String (id), $version: Integer, $members: String (JSON),
// $deliveries: [{id, webhook, event, type, body}]
// Returns: stored (true); no row when another evaluation stored first
MERGE (w:SegmentWatch {workspace: $workspace, segment: $segment})
  ON CREATE SET w.version = 0
SET w.lock = true
WITH w WHERE w.version = $version
SET w.version = w.version + 1, w.members = $members, w.evaluatedAt = datetime()
REMOVE w.lock
WITH w
CALL (w) {
  UNWIND $deliveries AS d
  MATCH (h:Webhook {workspace: $workspace, id: d.webhook})
  CREATE (:Delivery {id: d.id, workspace: $workspace, event: d.event, type: d.type, body: d.body, status: 'PENDING', attempts: 0,
                     createdAt: datetime(), nextAttemptAt: datetime(), giveUpAt: datetime() + duration('PT24H')})-[:FOR]->(h)
}
RETURN true AS stored
