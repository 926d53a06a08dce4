// Query.companies when the filter's top level asks for employees connected to a
// person (employs.connectedTo): expand from that person ({{reached}},
// common/reached-from-anchor), keep the people reached that match the rest
// of the employee filter ({{matched}}), and go to their current employers;
// then as companies-page: {{predicate}} holds for the rest.
{{prelude}}
{{reached}}
{{matched}}
MATCH (person)-[job_:WORKS_AT]->(company:Company)
WHERE job_.until IS NULL OR job_.until > datetime()
WITH DISTINCT company{{carried}}
WHERE {{predicate}}
  AND ($afterKey IS NULL OR [{{sortKey}}, company.domain] {{after}} [$afterValue, $afterKey])
RETURN company {.*} AS item, {{sortKey}} AS sortValue
ORDER BY {{sortKey}} {{direction}}, company.domain {{direction}}
LIMIT $limit
