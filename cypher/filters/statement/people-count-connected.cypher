// Query.people's totalCount when the filter's top level asks for connections of
// a person: expand from that person, as people-page-connected does.
{{prelude}}
MATCH (anchor_:Person {workspace: $workspace, id: $anchor})-[links_:KNOWS*1..{{hops}}]-(person)
WHERE all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength) AND person <> anchor_
{{matched}}
RETURN count(person) AS total
