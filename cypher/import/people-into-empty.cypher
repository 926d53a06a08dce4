// People into a workspace that was empty when the import began: CREATE
// instead of the MERGEs of people.cypher, for the reason given in
// connections-into-empty.cypher; nobody can be known by a profile alone yet.
// Their props carry their evidence bounds, summed by the importer from the
// document's engagements and concerns (src/graph-document/evidence-sums.ts).
// $workspace: String, $rows: [{email, profileUrl (either may be null), props: {profileUrl, name, title, city, country, location, engagementBound, concernBound}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
CREATE (p:Person {workspace: $workspace, id: randomUUID()})
SET p += row.props, p.email = row.email
