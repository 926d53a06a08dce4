// Upsert companies by domain, else by name key (src/graph-document/normalize.ts
// companyNameKey: "Acme, Inc." is "ACME Inc"); only the properties given are
// set. A company known by its name alone gains the domain a record gives with
// that name, unless another company has that domain. A record without a
// domain is the company with its name key, one without a domain first, else
// the one with the first domain; a new one when there is none. A company
// created by its domain has its name key at once, so that a later row of the
// same statement naming it without a domain finds it.
// $workspace: String, $rows: [{domain, nameKey (either may be null), props: {name, nameKey, industry, headcount, city, country, location, status, relationshipLevel}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.domain IS NOT NULL AND row.nameKey IS NOT NULL
    AND NOT EXISTS { MATCH (taken:Company {workspace: $workspace, domain: row.domain}) USING INDEX SEEK taken:Company(workspace, domain) }
  MATCH (named:Company {workspace: $workspace, nameKey: row.nameKey})
  USING INDEX SEEK named:Company(workspace, nameKey)
  WHERE named.domain IS NULL
  WITH row, named ORDER BY named.id LIMIT 1
  SET named.domain = row.domain
}
CALL (row) {
  WITH row WHERE row.domain IS NOT NULL
  MERGE (c:Company {workspace: $workspace, domain: row.domain})
    ON CREATE SET c.id = randomUUID(), c.nameKey = row.nameKey
  RETURN c
  UNION
  WITH row WHERE row.domain IS NULL
  OPTIONAL MATCH (known:Company {workspace: $workspace, nameKey: row.nameKey})
  USING INDEX SEEK known:Company(workspace, nameKey)
  WITH row, known ORDER BY known.domain IS NOT NULL, known.domain LIMIT 1
  FOREACH (_ IN CASE WHEN known IS NULL THEN [1] ELSE [] END |
    CREATE (:Company {workspace: $workspace, nameKey: row.nameKey, id: randomUUID()}))
  WITH row
  MATCH (c:Company {workspace: $workspace, nameKey: row.nameKey})
  USING INDEX SEEK c:Company(workspace, nameKey)
  WITH c ORDER BY c.domain IS NOT NULL, c.domain LIMIT 1
  RETURN c
}
SET c += row.props
