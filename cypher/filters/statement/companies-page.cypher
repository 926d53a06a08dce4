// Query.companies: one page of the companies that match {{predicate}}, in the order
// {{sortKey}} {{direction}} then domain (else name key), after the cursor ($afterValue, $afterKey; null for the first page).
{{prelude}}
MATCH (company:Company {workspace: $workspace})
WHERE {{predicate}}
  AND ($afterKey IS NULL OR [{{sortKey}}, coalesce(company.domain, company.nameKey)] {{after}} [$afterValue, $afterKey])
RETURN company {.*} AS item, {{sortKey}} AS sortValue, null AS total
ORDER BY {{sortKey}} {{direction}}, coalesce(company.domain, company.nameKey) {{direction}}
LIMIT $limit
