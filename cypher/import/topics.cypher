// Upsert topics by key (the lower-cased name); only the properties given are set.
// $workspace: String, $rows: [{key, props: {name, aliases, aliasKeys}}]
// Returns: rows, existed (how many of the rows were already in the graph)
UNWIND $rows AS row
OPTIONAL MATCH (existing:Topic {workspace: $workspace, key: row.key})
MERGE (t:Topic {workspace: $workspace, key: row.key})
  ON CREATE SET t.id = randomUUID()
SET t += row.props
RETURN count(*) AS rows, count(existing) AS existed
