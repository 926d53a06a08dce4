// The workspaces that have webhooks: what the scheduled evaluation visits.
// Returns: workspace (String)
MATCH (h:Webhook)
RETURN DISTINCT h.workspace AS workspace
