// A page of a person's interactions read backward: the ones just before the
// keyset position ($beforeAt, $beforeKey) in person/interactions' order (newest
// first, ties by key), or the oldest when it is null; oldest first, and the
// caller turns them round.
// $workspace: String, $id: String (person id), $beforeAt: DateTime or null, $beforeKey: String or null, $limit: Integer
// Returns: item {id, key, kind, direction, at, notes, colleague, contact (properties)}
MATCH (p:Person {workspace: $workspace, id: $id})<-[:WITH]-(i:Interaction)
USING INDEX SEEK p:Person(id)
WHERE $beforeAt IS NULL OR i.at > $beforeAt OR (i.at = $beforeAt AND i.key < $beforeKey)
MATCH (i)-[:WITH {side: "team"}]->(colleague:Person)
MATCH (i)-[:WITH {side: "contact"}]->(contact:Person)
RETURN i {.id, .key, .kind, .direction, .at, .notes, colleague: colleague {.*}, contact: contact {.*}} AS item
ORDER BY i.at, i.key DESC
LIMIT $limit
