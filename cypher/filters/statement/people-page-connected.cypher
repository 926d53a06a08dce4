// Query.people when the filter's top level asks for connections of a person:
// start from that person and expand at most {{hops}} connections (each at least
// $minStrength strong), instead of testing every person of the workspace for
// a path. Then as people-page: {{predicate}} holds for the rest of the filter.
{{prelude}}
MATCH (anchor_:Person {workspace: $workspace, id: $anchor})-[links_:KNOWS*1..{{hops}}]-(person:Person)
WHERE all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength) AND person <> anchor_
WITH DISTINCT person{{carried}}
WHERE {{predicate}}
  AND ($afterKey IS NULL OR [{{sortKey}}, person.email] {{after}} [$afterValue, $afterKey])
RETURN person {.*} AS item, {{sortKey}} AS sortValue
ORDER BY {{sortKey}} {{direction}}, person.email {{direction}}
LIMIT $limit
