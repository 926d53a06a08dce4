// Upsert topics by key (the lower-cased name); only the properties given are set.
// $workspace: String, $rows: [{key, props: {name, aliases, aliasKeys}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MERGE (t:Topic {workspace: $workspace, key: row.key})
  ON CREATE SET t.id = randomUUID()
SET t += row.props
