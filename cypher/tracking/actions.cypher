// The workspace's own entries of the event-name → engagement-action table, as
// two parallel lists (an action of "IGNORED" means the event records nothing).
// $workspace: String
// Returns: events [String] (lower-cased names), actions [String]
OPTIONAL MATCH (t:TrackingActions {workspace: $workspace})
RETURN coalesce(t.events, []) AS events, coalesce(t.actions, []) AS actions
