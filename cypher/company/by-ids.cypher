// Companies by id.
// $workspace: String, $keys: [String] (ids)
// Returns: key (the id), item (the company's properties)
MATCH (c:Company {workspace: $workspace})
USING INDEX SEEK c:Company(id)
WHERE c.id IN $keys
RETURN c.id AS key, c {.*} AS item
