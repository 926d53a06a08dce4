// The person requests act as until sign-in exists: the workspace's first user by email.
// $workspace: String
// Returns: id
MATCH (u:Person:User {workspace: $workspace})
RETURN u.id AS id
ORDER BY u.email
LIMIT 1
