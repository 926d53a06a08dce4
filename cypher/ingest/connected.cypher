// Which of these people are already connected to the user, in either
// direction: a contacts file connects only the others, so that a strength
// set by hand or earned by mail is never lowered to a contact's default.
// $workspace: String, $user: String (email), $people: [{email, profileUrl}] (one null)
// Returns: key (the email or profile URL of each person already connected, as asked)
MATCH (u:Person {workspace: $workspace, email: $user})
USING INDEX SEEK u:Person(workspace, email)
UNWIND $people AS wanted
CALL (wanted) {
  MATCH (p:Person {workspace: $workspace, email: wanted.email})
  USING INDEX SEEK p:Person(workspace, email)
  RETURN p
  UNION
  MATCH (p:Person {workspace: $workspace, profileUrl: wanted.profileUrl})
  USING INDEX SEEK p:Person(workspace, profileUrl)
  RETURN p
}
WITH u, p, wanted WHERE EXISTS { (u)-[:KNOWS]-(p) }
RETURN coalesce(wanted.email, wanted.profileUrl) AS key
