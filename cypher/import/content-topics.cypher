// What content is about.
// $workspace: String, $rows: [{url, topic}]
// Returns: rows, existed
UNWIND $rows AS row
MATCH (c:Content {workspace: $workspace, url: row.url})
MATCH (t:Topic {workspace: $workspace, key: row.topic})
OPTIONAL MATCH (c)-[existing:ABOUT]->(t)
MERGE (c)-[:ABOUT]->(t)
RETURN count(*) AS rows, count(existing) AS existed
