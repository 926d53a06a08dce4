// Claims tracking messages by id, in the transaction that writes what they
// say. The MERGE on the constrained (workspace, messageId) makes a concurrent
// delivery of the same message wait for this transaction, then find it: only
// the batch that created a message's node records it.
// $workspace: String, $batch: String (unique per call), $receivedAt: DateTime,
// $rows: [{messageId, type, outcome}]
// Returns: claimed ([String]: the message ids this batch is the first to deliver)
UNWIND $rows AS row
MERGE (m:TrackedMessage {workspace: $workspace, messageId: row.messageId})
  ON CREATE SET m.type = row.type, m.outcome = row.outcome, m.receivedAt = $receivedAt, m.batch = $batch
WITH m, row WHERE m.batch = $batch
RETURN collect(row.messageId) AS claimed
