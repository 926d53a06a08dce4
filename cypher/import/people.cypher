// Upsert people by email, else by profile URL; only the properties given are
// set. Someone known by their profile alone gains the email a record gives
// with it, unless that email is someone else's (the importer refuses a
// profile URL that is already another person's: document-checks.ts). Their
// connections, stored from the lower key (email, else profile URL) to the
// higher, are turned round where the new email changes which key is lower.
// $workspace: String, $rows: [{email, profileUrl (either may be null), props: {profileUrl, name, title, city, country, location}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.email IS NOT NULL AND row.profileUrl IS NOT NULL
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
CALL (row) {
  WITH row WHERE row.email IS NOT NULL
  MERGE (p:Person {workspace: $workspace, email: row.email})
    ON CREATE SET p.id = randomUUID()
  RETURN p
  UNION
  WITH row WHERE row.email IS NULL
  MERGE (p:Person {workspace: $workspace, profileUrl: row.profileUrl})
    ON CREATE SET p.id = randomUUID()
  RETURN p
}
SET p += row.props
