// Interactions by key, each linked to its two people: the team side (the
// record's user) and the contact. Only the properties given are set.
//
// `at` comes as epoch milliseconds in a float: a date-time cost a fifth of the
// ingester's CPU to pack (measured on a 50,000-message mailbox), and a 64-bit
// integer made this Neo4j leave compiled code once per row as it unpacked it
// (one deoptimization per interaction in a Flight Recorder profile).
//
// A new interaction has no links yet, which tells it apart from one that was
// there: only a new one gets an id and is linked, with CREATE, which costs a
// third of what MERGE of the two links did (measured on 2,000-row batches into
// a 200,000-message mailbox). MERGE on the key still makes two writers of the
// same interaction wait for each other rather than both creating it.
// $workspace: String, $rows: [{key, user, person ({email, profileUrl}, one null), atMs: Float, props: {kind, direction, ref, notes}}]
// Returns: created (how many of the rows were new)
UNWIND $rows AS row
MATCH (u:Person {workspace: $workspace, email: row.user})
USING INDEX SEEK u:Person(workspace, email)
CALL (row) {
  MATCH (p:Person {workspace: $workspace, email: row.person.email})
  USING INDEX SEEK p:Person(workspace, email)
  RETURN p
  UNION
  MATCH (p:Person {workspace: $workspace, profileUrl: row.person.profileUrl})
  USING INDEX SEEK p:Person(workspace, profileUrl)
  RETURN p
}
MERGE (i:Interaction {workspace: $workspace, key: row.key})
WITH row, i, u, p, NOT EXISTS { (i)-[:WITH]->() } AS created
SET i += row.props, i.at = datetime({epochMillis: toInteger(row.atMs)})
WITH i, u, p, created
CALL (i, u, p, created) {
  WITH * WHERE created
  SET i.id = randomUUID()
  CREATE (i)-[:WITH {side: "team"}]->(u), (i)-[:WITH {side: "contact"}]->(p)
}
RETURN count(CASE WHEN created THEN 1 END) AS created
