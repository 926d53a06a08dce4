// Mark people as users who can sign in.
// $workspace: String, $rows: [{email}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (p:Person {workspace: $workspace, email: row.email})
USING INDEX SEEK p:Person(workspace, email)
SET p:User
