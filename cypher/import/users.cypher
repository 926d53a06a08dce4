// Mark people as users who can sign in.
// $workspace: String, $rows: [{email}]
// Returns: rows, existed
UNWIND $rows AS row
MATCH (p:Person {workspace: $workspace, email: row.email})
WITH p, p:User AS existed
SET p:User
RETURN count(*) AS rows, sum(CASE WHEN existed THEN 1 ELSE 0 END) AS existed
