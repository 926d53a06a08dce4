// Which of these people are already connected to the user, in either
// direction: a contacts file connects only the others, so that a strength
// set by hand or earned by mail is never lowered to a contact's default.
// $workspace: String, $user: String (email), $keys: [String] (emails or profile URLs)
// Returns: key (of each person already connected)
MATCH (u:Person {workspace: $workspace, email: $user})
USING INDEX SEEK u:Person(workspace, email)
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Person {workspace: $workspace, email: key})
  USING INDEX SEEK p:Person(workspace, email)
  RETURN p
  UNION
  MATCH (p:Person {workspace: $workspace, profileUrl: key})
  USING INDEX SEEK p:Person(workspace, profileUrl)
  RETURN p
}
WITH u, p, key WHERE EXISTS { (u)-[:KNOWS]-(p) }
RETURN key
