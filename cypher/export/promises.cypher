// Every promise of a workspace with the person and company it was made to, in key order.
// $workspace: String
// Returns: promise (properties), person (email, else profile URL; or null), company (domain, else name; or null)
MATCH (pr:Promise {workspace: $workspace})
OPTIONAL MATCH (pr)-[:PROMISED_TO]->(p:Person)
OPTIONAL MATCH (pr)-[:PROMISED_TO]->(c:Company)
RETURN pr {.*} AS promise, coalesce(p.email, p.profileUrl) AS person, coalesce(c.domain, c.name) AS company
ORDER BY pr.key
