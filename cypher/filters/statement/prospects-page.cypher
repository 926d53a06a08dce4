// Query.prospects: the people that match {{predicate}}, scored and ranked by
// {{score}} (cypher/filters/prospect/score.cypher). `reach`, the strength of
// the strongest path of at most two connections from $origin, is found per
// matching person ({{reach}}).
{{prelude}}
{{evidence}}
OPTIONAL MATCH (origin:Person {workspace: $workspace, id: $origin})
MATCH (person:Person {workspace: $workspace})
WHERE {{predicate}}
{{reach}}
{{score}}
