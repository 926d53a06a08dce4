// What each piece of content is about.
// $workspace: String, $keys: [String] (content ids)
// Returns: key (content id), item (the topic's properties)
MATCH (c:Content {workspace: $workspace})-[:ABOUT]->(t:Topic)
USING INDEX SEEK c:Content(id)
WHERE c.id IN $keys
RETURN c.id AS key, t {.*} AS item
ORDER BY key, t.key
