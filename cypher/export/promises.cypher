// Every promise of a workspace with the person and company it was made to, in key order.
// $workspace: String
// Returns: promise (properties), person (email or null), company (domain or null)
MATCH (pr:Promise {workspace: $workspace})
OPTIONAL MATCH (pr)-[:PROMISED_TO]->(p:Person)
OPTIONAL MATCH (pr)-[:PROMISED_TO]->(c:Company)
RETURN pr {.*} AS promise, p.email AS person, c.domain AS company
ORDER BY pr.key
