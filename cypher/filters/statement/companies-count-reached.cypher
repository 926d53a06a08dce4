// Query.companies' totalCount when the people to test come as rows from
// {{reached}}, as in companies-page-reached.
{{prelude}}
{{reached}}
{{matched}}
MATCH (person)-[job_:WORKS_AT]->(company:Company)
WHERE job_.until IS NULL OR job_.until > datetime()
WITH DISTINCT company{{carried}}
WHERE {{predicate}}
RETURN count(company) AS total
