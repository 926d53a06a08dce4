// Records the outcome of an attempt, if the lease is still this attempt's.
// $id: String, $lease: String, $status: 'DELIVERED' | 'PENDING' | 'FAILED', $responseStatus: Integer or null,
// $error: String or null, $nextAttemptAt: DateTime or null
// Returns: nothing
MATCH (d:Delivery {id: $id})
WHERE d.lease = $lease
SET d.status = $status, d.lastResponseStatus = $responseStatus, d.lastError = $error, d.lastAttemptAt = datetime(),
    d.nextAttemptAt = coalesce($nextAttemptAt, d.nextAttemptAt), d.leaseUntil = null
