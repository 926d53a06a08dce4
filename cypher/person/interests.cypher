// Each person's interests, strongest first.
// $workspace: String, $keys: [String] (person ids)
// Returns: key (person id), item {personId, weight, topic}
MATCH (p:Person {workspace: $workspace})-[i:INTERESTED_IN]->(t:Topic)
USING INDEX SEEK p:Person(id)
WHERE p.id IN $keys
RETURN p.id AS key, {personId: p.id, weight: i.weight, topic: t {.*}} AS item
ORDER BY key, i.weight DESC, t.key
