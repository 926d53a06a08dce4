// Makes a promise to a person and/or a company, unique by key (whom and the
// text); it starts OPEN, made now. Making it again may set its due date.
// $workspace: String, $key: String, $person, $company: String (ids) or null, $text: String,
// $dueAt: DateTime or null (keeps what is known), $recordedBy: String (the caller's email)
// Returns: item (the promise's properties)
MERGE (pr:Promise {workspace: $workspace, key: $key})
  ON CREATE SET pr.id = randomUUID(), pr.text = $text, pr.madeAt = datetime(), pr.status = 'OPEN',
                pr.recordedBy = $recordedBy, pr.recordedAt = datetime()
SET pr.dueAt = coalesce($dueAt, pr.dueAt)
WITH pr
CALL (pr) {
  MATCH (p:Person {workspace: $workspace, id: $person})
  USING INDEX SEEK p:Person(id)
  MERGE (pr)-[:PROMISED_TO]->(p)
}
CALL (pr) {
  MATCH (c:Company {workspace: $workspace, id: $company})
  USING INDEX SEEK c:Company(id)
  MERGE (pr)-[:PROMISED_TO]->(c)
}
RETURN pr {.*} AS item
