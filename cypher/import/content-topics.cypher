// What content is about.
// $workspace: String, $rows: [{url, topic}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (c:Content {workspace: $workspace, url: row.url})
USING INDEX SEEK c:Content(workspace, url)
MATCH (t:Topic {workspace: $workspace, key: row.topic})
USING INDEX SEEK t:Topic(workspace, key)
MERGE (c)-[:ABOUT]->(t)
