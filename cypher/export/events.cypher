// Every company event of a workspace with its company's domain (else name), in key order.
// $workspace: String
// Returns: company (domain, else name), event (properties)
MATCH (c:Company {workspace: $workspace})-[:HAD_EVENT]->(e:CompanyEvent)
RETURN coalesce(c.domain, c.name) AS company, e {.*} AS event
ORDER BY e.key
