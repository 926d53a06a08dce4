// A company segment's export (a trigger list): every company that matches
// {{predicate}}, by name then domain, with its best contact: the current
// employee most strongly connected to $origin (the viewer) within two hops,
// ties by email; none when no employee is connected. {{reach}}
// (src/filters/reach.ts) finds reach for all their current employees at once;
// each company then keeps its best row, or the row of none (reach -1) that
// every company has.
// Returns: domain, name, industry, contactEmail, contactName, contactTitle, connection
{{prelude}}
OPTIONAL MATCH (origin:Person {workspace: $workspace, id: $origin})
MATCH (company:Company {workspace: $workspace})
WHERE {{predicate}}
WITH origin, collect(company) AS companies_
CALL (companies_) {
  UNWIND companies_ AS company
  MATCH (person:Person)-[job_:WORKS_AT]->(company)
  WHERE job_.until IS NULL OR job_.until > datetime()
  RETURN collect(DISTINCT person) AS matching
}
CALL (origin, matching, companies_) {
  {{reach}}
  WITH person, reach
  WHERE reach > 0
  MATCH (person)-[job_:WORKS_AT]->(company)
  WHERE (job_.until IS NULL OR job_.until > datetime()) AND company IN companies_
  RETURN company, person, reach
  UNION ALL
  UNWIND companies_ AS company
  RETURN company, null AS person, -1.0 AS reach
}
WITH company, person, reach
ORDER BY reach DESC, person.email
WITH company, head(collect({person: person, reach: reach})) AS best_
RETURN company.domain AS domain, company.name AS name, company.industry AS industry,
  best_.person.email AS contactEmail, best_.person.name AS contactName, best_.person.title AS contactTitle,
  CASE WHEN best_.reach > 0 THEN best_.reach END AS connection
ORDER BY coalesce(company.name, ''), company.domain
