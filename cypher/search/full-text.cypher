// Query.search: people, companies and topics of a workspace whose name, title or
// aliases match the Lucene query $query (built from the user's words, each
// escaped), best first.
// $workspace: String, $query: String, $limit: Integer
// Returns: item (properties), kind ("Person" | "Company" | "Topic"), score
CALL db.index.fulltext.queryNodes("search", $query) YIELD node, score
WHERE node.workspace = $workspace
RETURN node {.*} AS item, [label IN labels(node) WHERE label IN ["Person", "Company", "Topic"]][0] AS kind, score
ORDER BY score DESC, coalesce(node.name, ""), node.id
LIMIT $limit
