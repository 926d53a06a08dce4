// Query.companies: one page of the companies that match {{predicate}}, ordered by
// name then domain, after the cursor ($afterName, $afterDomain; null for the first page).
{{prelude}}
MATCH (company:Company {workspace: $workspace})
WHERE {{predicate}}
  AND ($afterDomain IS NULL OR [coalesce(company.name, ''), company.domain] > [$afterName, $afterDomain])
RETURN company {.*} AS item
ORDER BY coalesce(company.name, ''), company.domain
LIMIT $limit
