// Revokes an API key: it stops signing anyone in from the next request on.
// Revoking twice keeps the first time.
// $id: String
// Returns: id, workspace, email, revokedAt (no row for an unknown id)
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k.id AS id, k.workspace AS workspace, k.email AS email, k.revokedAt AS revokedAt
