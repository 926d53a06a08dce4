// Promises made to each person, soonest due first (no due date last).
// $workspace: String, $keys: [String] (person ids), $status: String or null (any), $limit: Integer
// Returns: key (person id), item (the promise's properties)
MATCH (p:Person {workspace: $workspace})
USING INDEX SEEK p:Person(id)
WHERE p.id IN $keys
CALL (p) {
  MATCH (pr:Promise)-[:PROMISED_TO]->(p)
  WHERE $status IS NULL OR pr.status = $status
  RETURN pr
  ORDER BY pr.dueAt IS NULL, pr.dueAt, pr.key
  LIMIT $limit
}
RETURN p.id AS key, pr {.*} AS item
