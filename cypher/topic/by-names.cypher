// Topics by name or alias; $keys are lower-cased by the caller, and the model
// keeps lower-cased names in `key` and lower-cased aliases in `aliasKeys`.
// $workspace: String, $keys: [String] (lower-cased names or aliases)
// Returns: key (as asked), item (the topic's properties)
UNWIND $keys AS wanted
MATCH (t:Topic {workspace: $workspace})
WHERE t.key = wanted OR wanted IN t.aliasKeys
RETURN wanted AS key, t {.*} AS item
ORDER BY t.key = wanted DESC
