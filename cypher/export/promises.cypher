// Every promise of a workspace with the person and company it was made to, in key order.
// $workspace: String
// Returns: promise (properties), person (email, else profile URL; or null), company (domain, else name; or null)
// A company without a domain whose name reads as one ("Booking.com", from a
// contacts file's name column) is referred to by its name key: the document
// reads a reference that looks like a domain as a domain.
MATCH (pr:Promise {workspace: $workspace})
OPTIONAL MATCH (pr)-[:PROMISED_TO]->(p:Person)
OPTIONAL MATCH (pr)-[:PROMISED_TO]->(c:Company)
RETURN pr {.*} AS promise, coalesce(p.email, p.profileUrl) AS person, CASE WHEN c.domain IS NULL AND c.name =~ '[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+' THEN c.nameKey ELSE coalesce(c.domain, c.name) END AS company
ORDER BY pr.key
