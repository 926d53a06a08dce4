// A person's interest in a topic, with its weight.
// $workspace: String, $rows: [{email, topic, weight}]
// Returns: rows, existed
UNWIND $rows AS row
MATCH (p:Person {workspace: $workspace, email: row.email})
MATCH (t:Topic {workspace: $workspace, key: row.topic})
OPTIONAL MATCH (p)-[existing:INTERESTED_IN]->(t)
MERGE (p)-[i:INTERESTED_IN]->(t)
SET i.weight = row.weight
RETURN count(*) AS rows, count(existing) AS existed
