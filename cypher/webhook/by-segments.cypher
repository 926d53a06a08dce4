// The webhooks of segments, oldest first.
// $workspace: String, $segments: [String] (ids)
// Returns: segment (id), item (a webhook, without its secret)
MATCH (h:Webhook {workspace: $workspace})-[:WATCHES]->(s:Segment)
WHERE s.id IN $segments
RETURN s.id AS segment, h {.*, secret: null} AS item
ORDER BY h.createdAt, h.id
