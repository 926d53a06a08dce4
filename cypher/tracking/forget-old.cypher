// Removes up to $limit tracking messages received before $before, in any
// workspace, oldest first: their ids no longer guard against replays.
// $before: DateTime, $limit: Integer
// Returns: removed (Integer)
MATCH (m:TrackedMessage)
WHERE m.receivedAt < $before
WITH m ORDER BY m.receivedAt LIMIT $limit
DELETE m
RETURN count(*) AS removed
