// Each segment's snapshots, the latest first.
// $workspace: String, $keys: [String] (segment ids)
// Returns: key (segment id), item (the snapshot's properties)
MATCH (segment:Segment {workspace: $workspace})<-[:OF]-(snapshot:Snapshot)
WHERE segment.id IN $keys
RETURN segment.id AS key, snapshot {.*} AS item
ORDER BY snapshot.takenAt DESC, snapshot.id
