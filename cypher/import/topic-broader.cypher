// Link a narrower topic to a broader one.
// $workspace: String, $rows: [{key, broader}] (topic keys)
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (t:Topic {workspace: $workspace, key: row.key})
USING INDEX SEEK t:Topic(workspace, key)
MATCH (b:Topic {workspace: $workspace, key: row.broader})
USING INDEX SEEK b:Topic(workspace, key)
MERGE (t)-[:BROADER]->(b)
