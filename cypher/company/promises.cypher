// Promises made to each company, soonest due first (no due date last).
// $workspace: String, $keys: [String] (company ids), $status: String or null (any), $limit: Integer
// Returns: key (company id), item (the promise's properties)
MATCH (c:Company {workspace: $workspace})
USING INDEX SEEK c:Company(id)
WHERE c.id IN $keys
CALL (c) {
  MATCH (pr:Promise)-[:PROMISED_TO]->(c)
  WHERE $status IS NULL OR pr.status = $status
  RETURN pr
  ORDER BY pr.dueAt IS NULL, pr.dueAt, pr.key
  LIMIT $limit
}
RETURN c.id AS key, pr {.*} AS item
