// Query.people when the filter's top level asks for connections of a person:
// start from that person and expand at most {{hops}} connections (each at least
// $minStrength strong), instead of testing every person of the workspace for
// a path. {{matched}} keeps the people the rest of the filter holds for
// (src/filters/shortlist.ts); then as people-page.
{{prelude}}
MATCH (anchor_:Person {workspace: $workspace, id: $anchor})-[links_:KNOWS*1..{{hops}}]-(person)
WHERE all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength) AND person <> anchor_
{{matched}}
WITH person{{carried}}
WHERE ($afterKey IS NULL OR [{{sortKey}}, person.email] {{after}} [$afterValue, $afterKey])
RETURN person {.*} AS item, {{sortKey}} AS sortValue
ORDER BY {{sortKey}} {{direction}}, person.email {{direction}}
LIMIT $limit
