// How many of these interactions the workspace already has: read before a
// batch is written, so a summary can tell new from already known.
// $workspace: String, $keys: [String]
// Returns: known
UNWIND $keys AS key
OPTIONAL MATCH (i:Interaction {workspace: $workspace, key: key})
RETURN count(i) AS known
