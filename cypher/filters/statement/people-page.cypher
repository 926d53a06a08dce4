// Query.people: one page of the people that match {{predicate}}, in the order
// {{sortKey}} {{direction}} then email, after the cursor ($afterValue, $afterKey; null for the first page).
{{prelude}}
MATCH (person:Person {workspace: $workspace})
WHERE {{predicate}}
  AND ($afterKey IS NULL OR [{{sortKey}}, person.email] {{after}} [$afterValue, $afterKey])
RETURN person {.*} AS item, {{sortKey}} AS sortValue
ORDER BY {{sortKey}} {{direction}}, person.email {{direction}}
LIMIT $limit
