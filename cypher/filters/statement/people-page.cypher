// Query.people: one page of the people that match {{predicate}}, ordered by name
// then email, after the cursor ($afterName, $afterEmail; null for the first page).
{{prelude}}
MATCH (person:Person {workspace: $workspace})
WHERE {{predicate}}
  AND ($afterEmail IS NULL OR [coalesce(person.name, ''), person.email] > [$afterName, $afterEmail])
RETURN person {.*} AS item
ORDER BY coalesce(person.name, ''), person.email
LIMIT $limit
