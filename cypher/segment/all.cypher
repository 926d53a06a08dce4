// Every segment of the workspace, by name.
// $workspace
// Returns: item (the segment's properties)
MATCH (segment:Segment {workspace: $workspace})
RETURN segment {.*} AS item
ORDER BY segment.name
