// Claims an idempotency key for a mutation, in the mutation's transaction. The
// MERGE on the constrained (workspace, key) makes a concurrent request with the
// same key wait until this transaction ends, then find what it stored.
// $workspace: String, $key: String, $mutation: String, $inputHash: String
// Returns: claimed (Boolean: this request is the first), mutation, inputHash, result (JSON or null)
MERGE (r:IdempotentResult {workspace: $workspace, key: $key})
  ON CREATE SET r.mutation = $mutation, r.inputHash = $inputHash, r.claimedAt = datetime()
RETURN r.result IS NULL AND r.mutation = $mutation AND r.inputHash = $inputHash AS claimed,
       r.mutation AS mutation, r.inputHash AS inputHash, r.result AS result
