// What content is about.
// $workspace: String, $rows: [{url, topic}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (c:Content {workspace: $workspace, url: row.url})
MATCH (t:Topic {workspace: $workspace, key: row.topic})
MERGE (c)-[:ABOUT]->(t)
