// Every company event of a workspace with its company's domain, in key order.
// $workspace: String
// Returns: company (domain), event (properties)
MATCH (c:Company {workspace: $workspace})-[:HAD_EVENT]->(e:CompanyEvent)
RETURN c.domain AS company, e {.*} AS event
ORDER BY e.key
