// Sets how a company perceives us.
// $workspace: String, $company: String (id), $level: String
// Returns: item (the company's properties)
MATCH (c:Company {workspace: $workspace, id: $company})
USING INDEX SEEK c:Company(id)
SET c.relationshipLevel = $level
RETURN c {.*} AS item
