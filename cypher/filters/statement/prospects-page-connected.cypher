// Query.prospects when the filter's top level asks for connections of a person:
// expand from that person (`origin`) at most {{hops}} connections (each at least
// $minStrength strong) and keep, as `matching`, the people reached that the
// rest of the filter holds for ({{matched}}: src/filters/shortlist.ts). Then
// {{reach}} gives each of them `reach`, the strength of the strongest path from
// origin (prospect/reach-*), and as prospects-page, {{score}} ranks.
{{prelude}}
{{evidence}}
MATCH (origin:Person {workspace: $workspace, id: $origin})-[links_:KNOWS*1..{{hops}}]-(person)
WHERE all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength) AND person <> origin
{{matched}}
WITH origin, evidenceTopics, evidenceContent{{carried}}, collect(person) AS matching
{{reach}}
WITH origin, person, reach, evidenceTopics, evidenceContent{{carried}}
{{score}}
