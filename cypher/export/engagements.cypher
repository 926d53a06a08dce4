// Every engagement of a workspace, in (person, content, time, action) order.
// $workspace: String
// Returns: person (email, else profile URL), content (url), action, at
MATCH (p:Person {workspace: $workspace})-[e:ENGAGED]->(c:Content)
RETURN coalesce(p.email, p.profileUrl) AS person, c.url AS content, e.action AS action, e.at AS at
ORDER BY person, content, at, action
