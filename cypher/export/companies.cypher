// Every company of a workspace, in key order (domain, else name key).
// $workspace: String
// Returns: company (its properties)
MATCH (c:Company {workspace: $workspace})
RETURN c {.*} AS company
ORDER BY coalesce(c.domain, c.nameKey)
