// Claims due deliveries for one attempt each, in any workspace. Each is
// locked before its lease is read again, so two instances never both claim
// the same attempt: the second waits for the first to commit, then sees the lease.
// $lease: String (unique per claim), $leaseMs: Integer, $limit: Integer
// Returns: id, lease, url, secret, body, attempts, giveUpAt
MATCH (d:Delivery)
WHERE d.status = 'PENDING' AND d.nextAttemptAt <= datetime() AND (d.leaseUntil IS NULL OR d.leaseUntil < datetime())
WITH d ORDER BY d.nextAttemptAt LIMIT $limit
SET d.lock = true
WITH d WHERE d.status = 'PENDING' AND (d.leaseUntil IS NULL OR d.leaseUntil < datetime())
SET d.leaseUntil = datetime() + duration({milliseconds: $leaseMs}), d.lease = $lease, d.attempts = d.attempts + 1
REMOVE d.lock
WITH d
MATCH (d)-[:FOR]->(h:Webhook)
RETURN d.id AS id, d.lease AS lease, h.url AS url, h.secret AS secret, d.body AS body, d.attempts AS attempts, d.giveUpAt AS giveUpAt
