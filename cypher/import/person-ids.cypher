// Every person of a workspace with their keys and element id, read once an
// import into an empty workspace has written its people
// (src/graph-document/person-ids.ts).
// $workspace: String
// Returns: email, profileUrl (either may be null), id (the element id)
MATCH (p:Person {workspace: $workspace})
RETURN p.email AS email, p.profileUrl AS profileUrl, elementId(p) AS id
