// The current employment of each person: no end date, or one in the future.
// When a person has several, the most recent start wins.
// $workspace: String, $keys: [String] (person ids)
// Returns: key (person id), item {personId, title, since, until, company}
MATCH (p:Person {workspace: $workspace})
USING INDEX SEEK p:Person(id)
WHERE p.id IN $keys
CALL (p) {
  MATCH (p)-[w:WORKS_AT]->(c:Company)
  WHERE w.until IS NULL OR w.until > datetime()
  RETURN w, c
  ORDER BY w.since DESC, c.domain
  LIMIT 1
}
RETURN p.id AS key, {personId: p.id, title: w.title, since: w.since, until: w.until, company: c {.*}} AS item
