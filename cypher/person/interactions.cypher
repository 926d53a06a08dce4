// One page of a person's interactions with the team, newest first (ties by
// key), after the keyset position ($afterAt, $afterKey) when given.
// $workspace: String, $id: String (person id), $afterAt: DateTime or null, $afterKey: String or null, $limit: Integer
// Returns: item {id, key, kind, direction, at, notes, colleague, contact (properties)}
MATCH (p:Person {workspace: $workspace, id: $id})<-[:WITH]-(i:Interaction)
USING INDEX SEEK p:Person(id)
WHERE $afterAt IS NULL OR i.at < $afterAt OR (i.at = $afterAt AND i.key > $afterKey)
MATCH (i)-[:WITH {side: "team"}]->(colleague:Person)
MATCH (i)-[:WITH {side: "contact"}]->(contact:Person)
RETURN i {.id, .key, .kind, .direction, .at, .notes, colleague: colleague {.*}, contact: contact {.*}} AS item
ORDER BY i.at DESC, i.key
LIMIT $limit
