// Every connection of a workspace that has a floor (set by hand or imported),
// in (a, b) order. The others follow from interactions, which are exported
// on their own and give them back on import.
// $workspace: String
// Returns: a, b (emails, else profile URLs), connection (properties)
MATCH (a:Person {workspace: $workspace})-[k:KNOWS]->(b:Person)
WHERE k.floor IS NOT NULL
RETURN coalesce(a.email, a.profileUrl) AS a, coalesce(b.email, b.profileUrl) AS b, k {.*} AS connection
ORDER BY a, b
