// Query.prospects when the filter's top level asks for connections of a
// person (`origin`): the people of $matching, those the filter's own
// statement found within {{hops}} connections of origin
// (src/filters/prospects.ts). {{reach}} gives each of them `reach`, the
// strength of the strongest path from origin (prospect/reach-*), and as
// prospects-scored, {{score}} ranks. One text per number of hops, whatever
// the rest of the filter.
{{evidence}}
MATCH (origin:Person {workspace: $workspace, id: $origin})
UNWIND $matching AS matchingId_
MATCH (person:Person {workspace: $workspace, id: matchingId_})
WITH origin, evidenceTopics, evidenceContent, collect(person) AS matching
{{reach}}
WITH origin, person, reach, evidenceTopics, evidenceContent
{{score}}
