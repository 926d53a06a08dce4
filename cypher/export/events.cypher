// Every company event of a workspace with its company's domain (else name), in key order.
// $workspace: String
// Returns: company (domain, else name), event (properties)
// A company without a domain whose name reads as one ("Booking.com", from a
// contacts file's name column) is referred to by its name key: the document
// reads a reference that looks like a domain as a domain.
MATCH (c:Company {workspace: $workspace})-[:HAD_EVENT]->(e:CompanyEvent)
RETURN CASE WHEN c.domain IS NULL AND c.name =~ '[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+' THEN c.nameKey ELSE coalesce(c.domain, c.name) END AS company, e {.*} AS event
ORDER BY e.key
