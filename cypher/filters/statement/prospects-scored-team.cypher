// Query.prospects when the filter's top level asks for our connections
// (connectedTo with team): the people of $matching, those the filter's own
// statement found within some hops of any user (src/filters/prospects.ts).
// {{reach}} gives each of them `reach`, the strength of the strongest path
// from any user (prospect/team-reach-*), and as prospects-scored, {{score}}
// ranks, its path starting at the best-connected user.
{{evidence}}
UNWIND $matching AS matchingId_
MATCH (person:Person {workspace: $workspace, id: matchingId_})
WITH evidenceTopics, evidenceContent, collect(person) AS matching
{{reach}}
WITH person, reach, evidenceTopics, evidenceContent
{{score}}
