// The narrower topics of each topic, one level down.
// $workspace: String, $keys: [String] (topic ids)
// Returns: key (topic id), item (the narrower topic's properties)
MATCH (t:Topic {workspace: $workspace})<-[:BROADER]-(n:Topic)
USING INDEX SEEK t:Topic(id)
WHERE t.id IN $keys
RETURN t.id AS key, n {.*} AS item
ORDER BY key, n.key
