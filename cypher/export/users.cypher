// Every person of a workspace who can sign in, in email order.
// $workspace: String
// Returns: email
MATCH (p:Person:User {workspace: $workspace})
RETURN p.email AS email
ORDER BY email
