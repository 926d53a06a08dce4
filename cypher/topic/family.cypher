// The ids of the topics each name or alias names and of every topic narrower
// than them, transitively: what a filter's topic condition matches. A filter's
// statement takes them as a parameter (src/filters/topic-ids.ts), so that this
// is planned once, not in every filter shape.
// $workspace: String, $keys: [String] (lower-cased names or aliases)
// Returns: key (as asked), item ({id} of the topic or of a narrower one)
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
MATCH (t)<-[:BROADER*0..]-(topic:Topic)
RETURN DISTINCT wanted AS key, topic {.id} AS item
ORDER BY key, item.id
