// Ties Segment userIds that are not emails to the person an identify call named.
// $workspace: String, $rows: [{userId, email}]
// Returns: nothing
UNWIND $rows AS row
MERGE (u:TrackedUser {workspace: $workspace, userId: row.userId})
SET u.email = row.email
