// Snapshot.diff up to now, who left: the members of snapshot $snapshot that no
// longer match {{predicate}}, by name then email.
// Returns: item (the person's properties)
{{prelude}}
MATCH (:Snapshot {workspace: $workspace, id: $snapshot})-[:INCLUDES]->(person:Person)
WHERE NOT ({{predicate}})
RETURN person {.*} AS item
ORDER BY coalesce(person.name, ''), person.email
