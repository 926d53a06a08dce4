// Query.people's totalCount: how many people match {{predicate}} (counted, not collected).
{{prelude}}
MATCH (person:Person {workspace: $workspace})
WHERE {{predicate}}
RETURN count(person) AS total
