// Companies by domain; $keys are lower-cased by the caller, like stored domains.
// $workspace: String, $keys: [String] (domains)
// Returns: key (the domain), item (the company's properties)
UNWIND $keys AS domain
MATCH (c:Company {workspace: $workspace, domain: domain})
USING INDEX SEEK c:Company(workspace, domain)
RETURN domain AS key, c {.*} AS item
