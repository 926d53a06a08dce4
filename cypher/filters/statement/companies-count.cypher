// Query.companies' totalCount: how many companies match {{predicate}} (counted, not collected).
{{prelude}}
MATCH (company:Company {workspace: $workspace})
WHERE {{predicate}}
RETURN count(company) AS total
