// Query.prospects when the filter's top level asks for connections of a person:
// start from that person (`origin`) and widen one connection at a time
// ({{steps}}: prospect/reach-step, maxHops − 1 times), keeping for every person
// reached `reach`, the strength of the strongest path to them. Then as
// prospects-page: {{matched}} keeps the people the rest of the filter holds for
// (src/filters/shortlist.ts), {{score}} ranks.
{{prelude}}
{{evidence}}
MATCH (origin:Person {workspace: $workspace, id: $origin})-[link_:KNOWS]-(person:Person)
WHERE coalesce(link_.strength, 0.5) >= $minStrength AND person <> origin
WITH origin, person, max(coalesce(link_.strength, 0.5)) AS reach, evidenceTopics{{carried}}
{{steps}}
WITH origin, person, reach, evidenceTopics{{carried}}
{{matched}}
{{score}}
