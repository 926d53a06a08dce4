// Sets how a company perceives us.
// $workspace: String, $company: String (id), $level: String
// Returns: item (the company's properties)
MATCH (c:Company {workspace: $workspace, id: $company})
SET c.relationshipLevel = $level
RETURN c {.*} AS item
