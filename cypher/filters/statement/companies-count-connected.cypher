// Query.companies' totalCount when the filter's top level asks for employees
// connected to a person: expand from that person, as companies-page-connected does.
{{prelude}}
{{reached}}
{{matched}}
MATCH (person)-[job_:WORKS_AT]->(company:Company)
WHERE job_.until IS NULL OR job_.until > datetime()
WITH DISTINCT company{{carried}}
WHERE {{predicate}}
RETURN count(company) AS total
