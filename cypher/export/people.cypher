// Every person of a workspace with their employment — the current one, else the
// latest that ended (the document holds one per person) — and interests, in key order (email, else profile URL).
// $workspace: String
// Returns: person (properties), company (its domain, else its name; or null), employment (map or null), interests ([{topic, weight}])
// A company without a domain whose name reads as one ("Booking.com", from a
// contacts file's name column) is referred to by its name key: the document
// reads a reference that looks like a domain as a domain.
MATCH (p:Person {workspace: $workspace})
CALL (p) {
  OPTIONAL MATCH (p)-[w:WORKS_AT]->(c:Company)
  RETURN CASE WHEN c.domain IS NULL AND c.name =~ '[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+' THEN c.nameKey ELSE coalesce(c.domain, c.name) END AS company, w {.*} AS employment
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
