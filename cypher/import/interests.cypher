// A person's interest in a topic, with its weight.
// $workspace: String, $rows: [{email, topic, weight}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (p:Person {workspace: $workspace, email: row.email})
MATCH (t:Topic {workspace: $workspace, key: row.topic})
MERGE (p)-[i:INTERESTED_IN]->(t)
SET i.weight = row.weight
