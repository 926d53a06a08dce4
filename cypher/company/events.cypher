// Each company's most recent events.
// $workspace: String, $keys: [String] (company ids), $limit: Integer
// Returns: key (company id), item (the event's properties)
MATCH (c:Company {workspace: $workspace})
USING INDEX SEEK c:Company(id)
WHERE c.id IN $keys
CALL (c) {
  MATCH (c)-[:HAD_EVENT]->(e:CompanyEvent)
  RETURN e
  ORDER BY e.occurredAt DESC, e.key
  LIMIT $limit
}
RETURN c.id AS key, e {.*} AS item
