// People into a workspace that was empty when the import began: CREATE
// instead of the MERGEs of people.cypher, for the reason given in
// connections-into-empty.cypher; nobody can be known by a profile alone yet.
// Their props carry their evidence bounds, summed by the importer from the
// document's engagements and concerns (src/graph-document/evidence-sums.ts).
// Each person's employment and interests are written here too, from the
// person just created, instead of by employments.cypher and interests.cypher
// each finding them again by key (measured on 100k-person rows: 1.4× the rate
// of the three statements). A new person has no other employment to end, and
// no company has events yet (events come after people), so neither of what
// employments.cypher does besides is needed. Interests are unique per person
// (document-checks.ts), so a CREATE each. The batch's companies and topics
// are each found once, and named by their place in $companies and $topics,
// as connections-into-empty.cypher finds its people: each list collected in
// a subquery of its own, which gives one row even for an empty list (a
// collect() grouped by another list gives none, and so no people).
// $workspace: String, $companies: [{domain, nameKey} (one null)], $topics: [key],
// $rows: [{email, profileUrl (either may be null), props: {profileUrl, name, title, city, country, location, engagementBound, concernBound},
//   employment ({company (a place in $companies), props: {title, since, until}} or null), interests: [{topic (a place in $topics), weight}]}]
// Returns: how many employments and interests it created, as the importer's steps of those names count them
CALL () {
  UNWIND range(0, size($topics) - 1) AS place
  OPTIONAL MATCH (t:Topic {workspace: $workspace, key: $topics[place]})
  USING INDEX SEEK t:Topic(workspace, key)
  RETURN collect([place, t]) AS topics
}
CALL () {
  UNWIND range(0, size($companies) - 1) AS place
  OPTIONAL CALL (place) {
    MATCH (c:Company {workspace: $workspace, domain: $companies[place].domain})
    USING INDEX SEEK c:Company(workspace, domain)
    RETURN c
    UNION
    MATCH (c:Company {workspace: $workspace, nameKey: $companies[place].nameKey})
    USING INDEX SEEK c:Company(workspace, nameKey)
    WITH c ORDER BY c.domain IS NOT NULL, c.domain LIMIT 1
    RETURN c
  }
  RETURN collect([place, c]) AS companies
}
UNWIND $rows AS row
CREATE (p:Person {workspace: $workspace, id: randomUUID()})
SET p += row.props, p.email = row.email
WITH p, row, topics, companies
CALL (p, row, companies) {
  WITH row, companies[toInteger(row.employment.company)] AS company
  WHERE row.employment IS NOT NULL AND company[0] = row.employment.company AND company[1] IS NOT NULL
  WITH row, company[1] AS c
  CREATE (p)-[w:WORKS_AT]->(c)
  SET w = row.employment.props
  RETURN count(*) AS employed
}
CALL (p, row, topics) {
  UNWIND row.interests AS interest
  WITH interest, topics[toInteger(interest.topic)] AS topic
  WHERE topic[0] = interest.topic AND topic[1] IS NOT NULL
  WITH interest, topic[1] AS t
  CREATE (p)-[:INTERESTED_IN {weight: interest.weight}]->(t)
  RETURN count(*) AS interested
}
RETURN sum(employed) AS employments, sum(interested) AS interests
