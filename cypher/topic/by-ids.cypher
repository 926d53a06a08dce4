// Topics by id.
// $workspace: String, $keys: [String] (ids)
// Returns: key (the id), item (the topic's properties)
MATCH (t:Topic {workspace: $workspace})
USING INDEX SEEK t:Topic(id)
WHERE t.id IN $keys
RETURN t.id AS key, t {.*} AS item
