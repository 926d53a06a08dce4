// Every connection of a workspace, in (a, b) order.
// $workspace: String
// Returns: a, b (emails), connection (properties)
MATCH (a:Person {workspace: $workspace})-[k:KNOWS]->(b:Person)
RETURN a.email AS a, b.email AS b, k {.*} AS connection
ORDER BY a, b
