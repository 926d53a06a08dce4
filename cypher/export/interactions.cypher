// Every interaction of a workspace, in key order.
// $workspace: String
// Returns: user, person (the team side's email; the contact's, else their profile URL), interaction (properties)
MATCH (i:Interaction {workspace: $workspace})-[:WITH {side: "team"}]->(u:Person)
MATCH (i)-[:WITH {side: "contact"}]->(p:Person)
RETURN u.email AS user, coalesce(p.email, p.profileUrl) AS person, i {.kind, .direction, .at, .ref, .notes} AS interaction
ORDER BY i.key
