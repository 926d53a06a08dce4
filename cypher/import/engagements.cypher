// Engagements, unique by person, content, action and time.
// $workspace: String, $rows: [{person, content, action, at}]
// Returns: rows, existed
UNWIND $rows AS row
MATCH (p:Person {workspace: $workspace, email: row.person})
MATCH (c:Content {workspace: $workspace, url: row.content})
OPTIONAL MATCH (p)-[existing:ENGAGED {action: row.action, at: row.at}]->(c)
MERGE (p)-[:ENGAGED {action: row.action, at: row.at}]->(c)
RETURN count(*) AS rows, count(existing) AS existed
