// The workspace's users: the team whose mail and calendars are read.
// $workspace: String
// Returns: email
MATCH (u:User {workspace: $workspace})
RETURN u.email AS email
