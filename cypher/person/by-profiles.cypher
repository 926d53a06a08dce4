// People by profile URL; $keys are normalised by the caller (normalize.ts profileKey), like stored profile URLs.
// $workspace: String, $keys: [String] (profile URLs)
// Returns: key (the profile URL), item (the person's properties)
UNWIND $keys AS url
MATCH (p:Person {workspace: $workspace, profileUrl: url})
USING INDEX SEEK p:Person(workspace, profileUrl)
RETURN url AS key, p {.*} AS item
