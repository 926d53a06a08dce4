// Replaces the workspace's own entries of the event-name → action table.
// $workspace: String, $recordedBy: String, $events: [String] (lower-cased names), $actions: [String]
// Returns: events [String], actions [String]
MERGE (t:TrackingActions {workspace: $workspace})
SET t.events = $events, t.actions = $actions, t.updatedBy = $recordedBy, t.updatedAt = datetime()
RETURN t.events AS events, t.actions AS actions
