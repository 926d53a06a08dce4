// Query.companies when the people to test come as rows, from {{reached}}: the
// people within some hops of a person, when the filter's top level asks for
// employees connected to one (employs.connectedTo; common/reached-from-anchor),
// or everyone, when the top-level employs has a topic condition to shortlist
// by (common/everyone). {{matched}} keeps the people the rest of the employee
// filter holds for, and the statement goes to their current employers; then
// as companies-page: {{predicate}} holds for the rest. A page and the total,
// as in people-page-reached.
{{prelude}}
{{reached}}
{{matched}}
MATCH (person)-[job_:WORKS_AT]->(company:Company)
WHERE job_.until IS NULL OR job_.until > datetime()
WITH DISTINCT company{{carried}}
WHERE {{predicate}}
WITH collect(company) AS matched_
OPTIONAL CALL (matched_) {
  UNWIND matched_ AS company
  WITH company
  WHERE ($afterKey IS NULL OR [{{sortKey}}, coalesce(company.domain, company.nameKey)] {{after}} [$afterValue, $afterKey])
  RETURN company {.*} AS item, {{sortKey}} AS sortValue
  ORDER BY {{sortKey}} {{direction}}, coalesce(company.domain, company.nameKey) {{direction}}
  LIMIT $limit
}
RETURN item, sortValue, size(matched_) AS total
