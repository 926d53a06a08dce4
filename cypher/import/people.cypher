// Upsert people by email, else by profile URL; only the properties given are
// set. Someone known by their profile alone gains the email a record gives
// with it, unless that email is someone else's (the importer refuses a
// profile URL that is already another person's: document-checks.ts). Their
// connections, stored from the lower key (email, else profile URL) to the
// higher, are turned round where the new email changes which key is lower.
// The rows without an email are written first, then the others, each kind by
// a MERGE of its own: one MERGE choosing its key row by row (a UNION in a
// subquery) took a third longer. Rows name each person once, so the order
// changes nothing.
// $workspace: String, $rows: [{email, profileUrl (either may be null), props: {profileUrl, name, title, city, country, location}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND [row IN $rows WHERE row.email IS NULL] AS row
MERGE (p:Person {workspace: $workspace, profileUrl: row.profileUrl})
  ON CREATE SET p.id = randomUUID()
SET p += row.props
WITH count(*) AS byProfile
UNWIND [row IN $rows WHERE row.email IS NOT NULL] AS row
CALL (row) {
  WITH row WHERE row.profileUrl IS NOT NULL
    AND NOT EXISTS { MATCH (taken:Person {workspace: $workspace, email: row.email}) USING INDEX SEEK taken:Person(workspace, email) }
  MATCH (known:Person {workspace: $workspace, profileUrl: row.profileUrl})
  USING INDEX SEEK known:Person(workspace, profileUrl)
  WHERE known.email IS NULL
  SET known.email = row.email
  WITH known
  MATCH (known)-[k:KNOWS]-(other)
  WITH known, other, k, startNode(k) = known AS knownFirst
  WHERE knownFirst <> (known.email < coalesce(other.email, other.profileUrl))
  WITH k, CASE WHEN knownFirst THEN [other, known] ELSE [known, other] END AS pair
  CALL (k, pair) {
    WITH k, pair[0] AS low, pair[1] AS high
    CREATE (low)-[turned:KNOWS]->(high)
    SET turned = properties(k), turned.sentLowToHigh = k.sentHighToLow, turned.sentHighToLow = k.sentLowToHigh
    DELETE k
  }
}
MERGE (p:Person {workspace: $workspace, email: row.email})
  ON CREATE SET p.id = randomUUID()
SET p += row.props
