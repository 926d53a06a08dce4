// A webhook on one of the workspace's segments.
// $workspace: String, $recordedBy: String, $id: String, $segment: String (id), $url: String, $secret: String
// Returns: item (the webhook, without its secret); no row when there is no such segment
MATCH (s:Segment {workspace: $workspace, id: $segment})
CREATE (h:Webhook {workspace: $workspace, id: $id, segment: $segment, url: $url, secret: $secret, recordedBy: $recordedBy, createdAt: datetime()})-[:WATCHES]->(s)
RETURN h {.*, secret: null} AS item
