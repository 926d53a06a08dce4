// Every topic of a workspace with its broader topics' names, in key order.
// $workspace: String
// Returns: name, aliases, broader ([String])
MATCH (t:Topic {workspace: $workspace})
OPTIONAL MATCH (t)-[:BROADER]->(b:Topic)
WITH t, b ORDER BY b.key
WITH t, collect(b.name) AS broader
RETURN t.name AS name, t.aliases AS aliases, broader
ORDER BY t.key
