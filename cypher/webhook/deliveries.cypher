// A webhook's deliveries, the latest first.
// $workspace: String, $webhook: String (id), $first: Integer
// Returns: item {id, event, type, status, attempts, lastResponseStatus, lastError, lastAttemptAt, nextAttemptAt, createdAt}
MATCH (d:Delivery)-[:FOR]->(:Webhook {workspace: $workspace, id: $webhook})
RETURN d {.id, .event, .type, .status, .attempts, .lastResponseStatus, .lastError, .lastAttemptAt, .nextAttemptAt, .createdAt} AS item
ORDER BY d.createdAt DESC, d.id
LIMIT $first
