// Query.prospects when the filter's top level asks for connections of a person:
// start from that person (`origin`) and widen one connection at a time
// ({{steps}}: prospect/reach-step, maxHops − 1 times), keeping for every person
// reached `reach`, the strength of the strongest path to them. The rows are
// gathered into `reachedRows` ([person, reach]) before the filter's prelude,
// so the widening does not carry its topic sets. Then as prospects-page:
// {{matched}} keeps the rows of the people the rest of the filter holds for
// (src/filters/shortlist.ts), {{score}} ranks.
MATCH (origin:Person {workspace: $workspace, id: $origin})-[link_:KNOWS]-(person)
WHERE coalesce(link_.strength, 0.5) >= $minStrength AND person <> origin
WITH origin, person, max(coalesce(link_.strength, 0.5)) AS reach
{{steps}}
WITH origin, collect([person, reach]) AS reachedRows
{{prelude}}
{{evidence}}
{{matched}}
{{score}}
