// Each company's current employees, by name.
// $workspace: String, $keys: [String] (company ids), $limit: Integer
// Returns: key (company id), item (the person's properties)
MATCH (c:Company {workspace: $workspace})
USING INDEX SEEK c:Company(id)
WHERE c.id IN $keys
CALL (c) {
  MATCH (p:Person)-[w:WORKS_AT]->(c)
  WHERE w.until IS NULL OR w.until > datetime()
  RETURN p
  ORDER BY p.name, p.email
  LIMIT $limit
}
RETURN c.id AS key, p {.*} AS item
