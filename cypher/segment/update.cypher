// Changes a segment's name, description and filter (null = keep), and stamps it.
// $workspace, $id, $name, $description, $people, $companies
// Returns: item (the segment's properties); no row when there is no such segment
MATCH (segment:Segment {workspace: $workspace, id: $id})
SET segment.name = coalesce($name, segment.name),
    segment.description = CASE WHEN $description IS NULL THEN segment.description ELSE $description END,
    segment.people = CASE WHEN $people IS NULL AND $companies IS NULL THEN segment.people ELSE $people END,
    segment.companies = CASE WHEN $people IS NULL AND $companies IS NULL THEN segment.companies ELSE $companies END,
    segment.updatedAt = datetime()
RETURN segment {.*} AS item
