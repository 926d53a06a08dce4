// The broader topics of each topic, one level up.
// $workspace: String, $keys: [String] (topic ids)
// Returns: key (topic id), item (the broader topic's properties)
MATCH (t:Topic {workspace: $workspace})-[:BROADER]->(b:Topic)
USING INDEX SEEK t:Topic(id)
WHERE t.id IN $keys
RETURN t.id AS key, b {.*} AS item
ORDER BY key, b.key
