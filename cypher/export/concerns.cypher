// Every concern of a workspace with who voiced it and its topic's name, in key order.
// $workspace: String
// Returns: person (email, else profile URL), topic (name), concern (properties)
MATCH (p:Person {workspace: $workspace})-[:VOICED]->(k:Concern)-[:ABOUT]->(t:Topic)
RETURN coalesce(p.email, p.profileUrl) AS person, t.name AS topic, k {.*} AS concern
ORDER BY k.key
