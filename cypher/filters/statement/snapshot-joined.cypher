// Snapshot.diff up to now, who joined: the people that match {{predicate}} now
// and are not members of snapshot $snapshot, by name then email.
// Returns: item (the person's properties)
{{prelude}}
MATCH (snapshot:Snapshot {workspace: $workspace, id: $snapshot})
MATCH (person:Person {workspace: $workspace})
WHERE {{predicate}} AND NOT (snapshot)-[:INCLUDES]->(person)
RETURN person {.*} AS item
ORDER BY coalesce(person.name, ''), person.email
