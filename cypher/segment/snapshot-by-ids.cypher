// Snapshots by id, with the id of their segment.
// $workspace: String, $keys: [String] (snapshot ids)
// Returns: key (snapshot id), item (its properties and segmentId)
MATCH (snapshot:Snapshot {workspace: $workspace})-[:OF]->(segment:Segment)
WHERE snapshot.id IN $keys
RETURN snapshot.id AS key, snapshot {.*, segmentId: segment.id} AS item
