// Each person's most recent engagements with content.
// $workspace: String, $keys: [String] (person ids), $limit: Integer
// Returns: key (person id), item {personId, action, at, content, recordedBy, recordedAt}
MATCH (p:Person {workspace: $workspace})
USING INDEX SEEK p:Person(id)
WHERE p.id IN $keys
CALL (p) {
  MATCH (p)-[e:ENGAGED]->(c:Content)
  RETURN e, c
  ORDER BY e.at DESC, c.url, e.action
  LIMIT $limit
}
RETURN p.id AS key, {personId: p.id, action: e.action, at: e.at, content: c {.*}, recordedBy: e.recordedBy, recordedAt: e.recordedAt} AS item
