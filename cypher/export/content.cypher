// Every piece of content of a workspace with its topics' names, in url order.
// $workspace: String
// Returns: content (properties), topics ([String])
MATCH (c:Content {workspace: $workspace})
OPTIONAL MATCH (c)-[:ABOUT]->(t:Topic)
WITH c, t ORDER BY t.key
WITH c, collect(t.name) AS topics
RETURN c {.*} AS content, topics
ORDER BY c.url
