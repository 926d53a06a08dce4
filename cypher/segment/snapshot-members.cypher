// One page of a snapshot's members, by name then email, after the cursor
// ($afterValue, $afterKey; null for the first page).
// $workspace, $id, $afterValue, $afterKey, $limit
// Returns: item (the person's properties), sortValue
MATCH (:Snapshot {workspace: $workspace, id: $id})-[:INCLUDES]->(person:Person)
WHERE $afterKey IS NULL OR [coalesce(person.name, ''), person.email] > [$afterValue, $afterKey]
RETURN person {.*} AS item, coalesce(person.name, '') AS sortValue
ORDER BY coalesce(person.name, ''), person.email
LIMIT $limit
