// Every person of a workspace with their employment — the current one, else the
// latest that ended (the document holds one per person) — and interests, in key order (email, else profile URL).
// $workspace: String
// Returns: person (properties), company (its domain, else its name; or null), employment (map or null), interests ([{topic, weight}])
MATCH (p:Person {workspace: $workspace})
CALL (p) {
  OPTIONAL MATCH (p)-[w:WORKS_AT]->(c:Company)
  RETURN coalesce(c.domain, c.name) AS company, w {.*} AS employment
  ORDER BY w.until IS NULL OR w.until > datetime() DESC, w.since DESC, coalesce(c.domain, c.name)
  LIMIT 1
}
CALL (p) {
  OPTIONAL MATCH (p)-[i:INTERESTED_IN]->(t:Topic)
  WITH i, t ORDER BY t.key
  RETURN collect({topic: t.name, weight: i.weight}) AS interests
}
RETURN p {.*} AS person, company, employment, interests
ORDER BY coalesce(p.email, p.profileUrl)
