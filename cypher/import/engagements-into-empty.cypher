// Engagements into a workspace that was empty when the import began: CREATE
// instead of MERGE, for the reason given in connections-into-empty.cypher.
// $workspace: String, $rows: [{person, content, action, at}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (p:Person {workspace: $workspace, email: row.person})
MATCH (c:Content {workspace: $workspace, url: row.content})
CREATE (p)-[:ENGAGED {action: row.action, at: row.at}]->(c)
