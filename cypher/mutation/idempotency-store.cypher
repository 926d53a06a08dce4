// Keeps a mutation's result under its idempotency key, in the same transaction
// as the write, so a replay returns exactly what the first request returned.
// $workspace: String, $key: String, $result: String (JSON)
// Returns: nothing
MATCH (r:IdempotentResult {workspace: $workspace, key: $key})
SET r.result = $result
