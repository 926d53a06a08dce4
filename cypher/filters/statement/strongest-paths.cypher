// Person.connectionToViewer, batched: for each person of $keys, the strongest
// path of at most {{hops}} connections from the person $from ({{strongestPath}},
// common/strongest-path). A person with no such path has no row.
// Returns: key (person id), item {people, strengths, hops, score}
MATCH (from:Person {workspace: $workspace, id: $from})
UNWIND $keys AS key
MATCH (to:Person {workspace: $workspace, id: key})
WHERE to <> from
{{strongestPath}}
WITH key, path
WHERE path IS NOT NULL
RETURN key, path AS item
