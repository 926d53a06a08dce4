// A company segment's export (a trigger list): every company that matches
// {{predicate}}, by name then domain, with its best contact: the current
// employee most strongly connected to $origin (the viewer) within two hops
// ({{reach}}, prospect/reach-within-two), ties by email; none when no employee
// is connected.
// Returns: domain, name, industry, contactEmail, contactName, contactTitle, connection
{{prelude}}
OPTIONAL MATCH (origin:Person {workspace: $workspace, id: $origin})
MATCH (company:Company {workspace: $workspace})
WHERE {{predicate}}
OPTIONAL CALL (company, origin) {
  MATCH (person:Person)-[job_:WORKS_AT]->(company)
  WHERE job_.until IS NULL OR job_.until > datetime()
  {{reach}}
  WITH person, reach WHERE reach > 0
  RETURN person AS contact, reach AS connection
  ORDER BY reach DESC, person.email
  LIMIT 1
}
RETURN company.domain AS domain, company.name AS name, company.industry AS industry,
  contact.email AS contactEmail, contact.name AS contactName, contact.title AS contactTitle, connection
ORDER BY coalesce(company.name, ''), company.domain
