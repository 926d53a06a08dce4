// What would make upserting a topic wrong: a name or alias that is already
// another topic's name or alias, and a broader topic that is the topic itself
// or narrower than it (the new BROADER link would close a cycle).
// $workspace: String, $key: String (the topic's key), $names: [String] (its key and lower-cased aliases),
// $broader: [String] (keys of the broader topics it is to have)
// Returns: clashes [String] (of $names), cycles [String] (of $broader)
CALL {
  UNWIND $names AS wanted
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
  WITH wanted, t WHERE t.key <> $key
  RETURN collect(DISTINCT wanted) AS clashes
}
CALL {
  UNWIND $broader AS b
  MATCH (up:Topic {workspace: $workspace, key: b})
  USING INDEX SEEK up:Topic(workspace, key)
  WHERE b = $key OR EXISTS {
    MATCH (up)-[:BROADER*1..]->(self:Topic {workspace: $workspace, key: $key})
    USING INDEX SEEK self:Topic(workspace, key)
  }
  RETURN collect(b) AS cycles
}
RETURN clashes, cycles
