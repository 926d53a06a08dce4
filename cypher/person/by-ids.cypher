// People by id.
// $workspace: String, $keys: [String] (ids)
// Returns: key (the id), item (the person's properties)
MATCH (p:Person {workspace: $workspace})
USING INDEX SEEK p:Person(id)
WHERE p.id IN $keys
RETURN p.id AS key, p {.*} AS item
