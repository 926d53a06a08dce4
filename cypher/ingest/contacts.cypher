// People seen in mail headers or calendar invitations. A person new to the
// workspace is created with the address and the display name seen, and works
// at the company of their email's domain, created with that domain alone when
// new; free-mail domains ($rows.domain null) make no company. A person the
// workspace knows keeps what it knows — a display name in a header is weaker
// evidence than a record someone wrote — and gains a name only when it had none.
// A new person's employerEventBound is their company's eventBound (src/scoring.ts).
// $workspace: String, $rows: [{email, name: String or null, domain: String or null, personId, companyId: String (ids for new nodes)}]
// Returns: peopleCreated, companiesCreated
UNWIND $rows AS row
MERGE (p:Person {workspace: $workspace, email: row.email})
  ON CREATE SET p.id = row.personId, p.name = row.name
WITH row, p, p.id = row.personId AS personCreated
// Written only when it changes something: a write locks the person, and a
// concurrent batch that meets them would wait.
CALL (row, p) {
  WITH row, p WHERE p.name IS NULL AND row.name IS NOT NULL
  SET p.name = row.name
}
CALL (row, p, personCreated) {
  WITH row, p WHERE personCreated AND row.domain IS NOT NULL
  MERGE (c:Company {workspace: $workspace, domain: row.domain})
    ON CREATE SET c.id = row.companyId
  MERGE (p)-[:WORKS_AT]->(c)
  SET p.employerEventBound = c.eventBound
  RETURN count(CASE WHEN c.id = row.companyId THEN 1 END) AS companyCreated
}
RETURN count(CASE WHEN personCreated THEN 1 END) AS peopleCreated, sum(companyCreated) AS companiesCreated
