// A page of a snapshot's members read backward: the ones just before the
// cursor ($beforeValue, $beforeKey; null for the last page) in
// segment/snapshot-members' order (name then email), last first; the caller
// turns them round.
// $workspace, $id, $beforeValue, $beforeKey, $limit
// Returns: item (the person's properties), sortValue
MATCH (:Snapshot {workspace: $workspace, id: $id})-[:INCLUDES]->(person:Person)
WHERE $beforeKey IS NULL OR [coalesce(person.name, ''), person.email] < [$beforeValue, $beforeKey]
RETURN person {.*} AS item, coalesce(person.name, '') AS sortValue
ORDER BY coalesce(person.name, '') DESC, person.email DESC
LIMIT $limit
