// Query.people: one page of the people that match {{predicate}}, in the order
// {{sortKey}} {{direction}} then email (else profile URL), after the cursor ($afterValue, $afterKey; null for the first page).
{{prelude}}
MATCH (person:Person {workspace: $workspace})
WHERE {{predicate}}
  AND ($afterKey IS NULL OR [{{sortKey}}, coalesce(person.email, person.profileUrl)] {{after}} [$afterValue, $afterKey])
RETURN person {.*} AS item, {{sortKey}} AS sortValue, null AS total
ORDER BY {{sortKey}} {{direction}}, coalesce(person.email, person.profileUrl) {{direction}}
LIMIT $limit
