// Link a narrower topic to a broader one.
// $workspace: String, $rows: [{key, broader}] (topic keys)
// Returns: rows, existed
UNWIND $rows AS row
MATCH (t:Topic {workspace: $workspace, key: row.key})
MATCH (b:Topic {workspace: $workspace, key: row.broader})
OPTIONAL MATCH (t)-[existing:BROADER]->(b)
MERGE (t)-[:BROADER]->(b)
RETURN count(*) AS rows, count(existing) AS existed
