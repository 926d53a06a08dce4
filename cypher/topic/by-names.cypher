// Topics by name or alias; $keys are lower-cased by the caller, and the model
// keeps lower-cased names in `key` and lower-cased aliases in `aliasKeys`.
// $workspace: String, $keys: [String] (lower-cased names or aliases)
// Returns: key (as asked), item (the topic's properties)
UNWIND $keys AS wanted
CALL (wanted) {
  MATCH (t:Topic {workspace: $workspace, key: wanted})
  USING INDEX SEEK t:Topic(workspace, key)
  RETURN t
  UNION
  // No index finds a value in a list: aliases are looked for among the workspace's topics.
  MATCH (t:Topic {workspace: $workspace})
  WHERE wanted IN t.aliasKeys
  RETURN t
}
RETURN wanted AS key, t {.*} AS item
ORDER BY t.key = wanted DESC
