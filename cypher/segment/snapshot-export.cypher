// A snapshot's members for an export, by name then email, with their current employer.
// $workspace, $id
// Returns: email, name, title, company, domain
MATCH (:Snapshot {workspace: $workspace, id: $id})-[:INCLUDES]->(person:Person)
OPTIONAL CALL (person) {
  MATCH (person)-[job:WORKS_AT]->(company:Company)
  WHERE job.until IS NULL OR job.until > datetime()
  RETURN company ORDER BY job.since DESC LIMIT 1
}
RETURN person.email AS email, person.name AS name, person.title AS title, company.name AS company, company.domain AS domain
ORDER BY coalesce(person.name, ''), person.email
