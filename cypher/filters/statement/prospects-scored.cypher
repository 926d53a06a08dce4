// Query.prospects without connectedTo: the people of $matching, each given as
// {id, reach} (the filter's own statement found them; reach, the strength of
// their strongest path from $origin, the viewer, came from prospects-reach:
// src/services/prospect-ranking.ts), scored and ranked by {{score}}
// (cypher/filters/prospect/score.cypher). A ranking of the whole workspace
// sends its people in slices, those whose score can be highest first, until
// no one left could enter the page. The text depends on no filter, so Neo4j
// plans it once for every filter.
{{evidence}}
OPTIONAL MATCH (origin:Person {workspace: $workspace, id: $origin})
UNWIND $matching AS matching_
MATCH (person:Person {workspace: $workspace, id: matching_.id})
WITH origin, person, matching_.reach AS reach, evidenceTopics, evidenceContent
{{score}}
