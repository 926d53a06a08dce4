// Query.prospects without connectedTo: the people of $matching (the ids the
// filter's own statement found: src/filters/prospects.ts), scored and ranked
// by {{score}} (cypher/filters/prospect/score.cypher). `reach`, the strength
// of the strongest path of at most two connections from $origin, comes from
// {{reach}} (src/filters/reach.ts) for the people within two hops, and is 0
// for everyone else and for origin itself. Reach is found for all the matching
// people at once: found person by person, a well-connected origin's
// neighbourhood was read again for every person of the workspace. It is
// aggregated by person inside its own subquery: grouped beside
// evidenceContent (thousands of contents at a million people), each of 200k
// groups counted the list against the transaction's memory, past its 4 GiB.
// The text depends on no filter, so Neo4j plans it once for every filter.
{{evidence}}
OPTIONAL MATCH (origin:Person {workspace: $workspace, id: $origin})
UNWIND $matching AS matchingId_
MATCH (person:Person {workspace: $workspace, id: matchingId_})
WITH origin, evidenceTopics, evidenceContent, collect(person) AS matching
CALL (origin, matching) {
  CALL (origin, matching) {
    {{reach}}
    RETURN person, reach
    UNION ALL
    UNWIND matching AS person
    RETURN person, 0.0 AS reach
  }
  RETURN person, max(reach) AS reach
}
WITH origin, person, reach, evidenceTopics, evidenceContent
{{score}}
