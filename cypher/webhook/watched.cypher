// The workspace's segments that have webhooks, with whose they are, their
// webhooks and the membership last evaluated (null before the first).
// $workspace: String
// Returns: segment {id, name, owner (email)}, webhooks [String] (ids), version (Integer), members (JSON or null)
MATCH (h:Webhook {workspace: $workspace})-[:WATCHES]->(s:Segment)
WITH s, collect(h.id) AS webhooks
OPTIONAL MATCH (w:SegmentWatch {workspace: $workspace, segment: s.id})
RETURN s {.id, .name, owner: s.recordedBy} AS segment, webhooks, coalesce(w.version, 0) AS version, w.members AS members
