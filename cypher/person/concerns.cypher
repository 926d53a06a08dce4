// Each person's most recent concerns, with their topic.
// $workspace: String, $keys: [String] (person ids), $limit: Integer
// Returns: key (person id), item (the concern's properties and its topic)
MATCH (p:Person {workspace: $workspace})
USING INDEX SEEK p:Person(id)
WHERE p.id IN $keys
CALL (p) {
  MATCH (p)-[:VOICED]->(k:Concern)-[:ABOUT]->(t:Topic)
  RETURN k, t
  ORDER BY k.expressedAt DESC, k.key
  LIMIT $limit
}
RETURN p.id AS key, k {.*, topic: t {.*}} AS item
