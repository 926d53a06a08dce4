// Every company of a workspace, in domain order.
// $workspace: String
// Returns: company (its properties)
MATCH (c:Company {workspace: $workspace})
RETURN c {.*} AS company
ORDER BY c.domain
