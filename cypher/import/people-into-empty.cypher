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
// (document-checks.ts), so a CREATE each.
// $workspace: String, $rows: [{email, profileUrl (either may be null), props: {profileUrl, name, title, city, country, location, engagementBound, concernBound},
//   employment ({company: {domain, nameKey} (one null), props: {title, since, until}} or null), interests: [{topic, weight}]}]
// Returns: how many employments and interests it created, as the importer's steps of those names count them
UNWIND $rows AS row
CREATE (p:Person {workspace: $workspace, id: randomUUID()})
SET p += row.props, p.email = row.email
WITH p, row
CALL (p, row) {
  WITH row WHERE row.employment IS NOT NULL
  CALL (row) {
    MATCH (c:Company {workspace: $workspace, domain: row.employment.company.domain})
    USING INDEX SEEK c:Company(workspace, domain)
    RETURN c
    UNION
    MATCH (c:Company {workspace: $workspace, nameKey: row.employment.company.nameKey})
    USING INDEX SEEK c:Company(workspace, nameKey)
    WITH c ORDER BY c.domain IS NOT NULL, c.domain LIMIT 1
    RETURN c
  }
  CREATE (p)-[w:WORKS_AT]->(c)
  SET w = row.employment.props
  RETURN count(*) AS employed
}
CALL (p, row) {
  UNWIND row.interests AS interest
  MATCH (t:Topic {workspace: $workspace, key: interest.topic})
  USING INDEX SEEK t:Topic(workspace, key)
  CREATE (p)-[:INTERESTED_IN {weight: interest.weight}]->(t)
  RETURN count(*) AS interested
}
RETURN sum(employed) AS employments, sum(interested) AS interests
