// Segments by id.
// $workspace: String, $keys: [String] (segment ids)
// Returns: key (segment id), item (its properties)
MATCH (segment:Segment {workspace: $workspace})
WHERE segment.id IN $keys
RETURN segment.id AS key, segment {.*} AS item
