// People by email; $keys are lower-cased by the caller, like stored emails.
// $workspace: String, $keys: [String] (emails)
// Returns: key (the email), item (the person's properties)
UNWIND $keys AS email
MATCH (p:Person {workspace: $workspace, email: email})
USING INDEX SEEK p:Person(workspace, email)
RETURN email AS key, p {.*} AS item
