// Every interaction of a workspace, in key order.
// $workspace: String
// Returns: user, person (the team side's and the contact's emails), interaction (properties)
MATCH (i:Interaction {workspace: $workspace})-[:WITH {side: "team"}]->(u:Person)
MATCH (i)-[:WITH {side: "contact"}]->(p:Person)
RETURN u.email AS user, p.email AS person, i {.kind, .direction, .at, .ref, .notes} AS interaction
ORDER BY i.key
