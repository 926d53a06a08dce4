// The segments whose statements a starting server plans (src/plans/warm.ts):
// of every workspace, the most recently changed first, at most $limit.
// $limit: Integer
// Returns: item (the segment's properties, its workspace among them)
MATCH (segment:Segment)
RETURN segment {.*} AS item
ORDER BY segment.updatedAt DESC
LIMIT $limit
