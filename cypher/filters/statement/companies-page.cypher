// Query.companies: one page of the companies that match {{predicate}}, in the order
// {{sortKey}} {{direction}} then domain, after the cursor ($afterValue, $afterKey; null for the first page).
{{prelude}}
MATCH (company:Company {workspace: $workspace})
WHERE {{predicate}}
  AND ($afterKey IS NULL OR [{{sortKey}}, company.domain] {{after}} [$afterValue, $afterKey])
RETURN company {.*} AS item, {{sortKey}} AS sortValue
ORDER BY {{sortKey}} {{direction}}, company.domain {{direction}}
LIMIT $limit
