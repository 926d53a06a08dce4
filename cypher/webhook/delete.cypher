// Deletes a webhook and its deliveries, sent or not.
// $workspace: String, $id: String
// Returns: item (the webhook as it was, without its secret); no row when there is none
MATCH (h:Webhook {workspace: $workspace, id: $id})
WITH h, h {.*, secret: null} AS item
CALL (h) { MATCH (d:Delivery)-[:FOR]->(h) DETACH DELETE d }
DETACH DELETE h
RETURN item
