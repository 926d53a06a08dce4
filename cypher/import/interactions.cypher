// Interactions by key, each linked to its two people: the team side (the
// record's user) and the contact. Only the properties given are set. A new
// interaction gets the row's id, which tells it apart from one that was
// there: only a new one is linked, with CREATE, which costs a third of what
// MERGE of the two links did (measured on 2,000-row batches into a
// 200,000-message mailbox); MERGE on the key still makes two writers of the
// same interaction wait for each other rather than both creating it.
// $workspace: String, $rows: [{key, id, user, person (email or profile URL), props: {kind, direction, at, ref, notes}}]
// Returns: created (how many of the rows were new)
UNWIND $rows AS row
MATCH (u:Person {workspace: $workspace, email: row.user})
CALL (row) {
  MATCH (p:Person {workspace: $workspace, email: row.person}) RETURN p
  UNION
  MATCH (p:Person {workspace: $workspace, profileUrl: row.person}) RETURN p
}
MERGE (i:Interaction {workspace: $workspace, key: row.key})
  ON CREATE SET i.id = row.id
SET i += row.props
WITH i, u, p, i.id = row.id AS created
CALL (i, u, p, created) {
  WITH * WHERE created
  CREATE (i)-[:WITH {side: "team"}]->(u), (i)-[:WITH {side: "contact"}]->(p)
}
RETURN count(CASE WHEN created THEN 1 END) AS created
