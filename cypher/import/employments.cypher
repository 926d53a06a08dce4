// A person's employer. When it is current, any other employment of theirs that
// was still open ends when this one starts (or now, when its start is unknown),
// so a person has one current employer after the import, as the document says.
// A person is found by email or profile URL, a company by domain or name key
// (one without a domain first), as the importer keys them. At a company that had
// events, the person's employerEventBound is summed again from their employers
// (src/scoring.ts): only there, so that most rows write nothing more.
// $workspace: String, $rows: [{person ({email, profileUrl}, one null), company ({domain, nameKey}, one null), props: {title, since, until}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
CALL (row) {
  MATCH (p:Person {workspace: $workspace, email: row.person.email})
  USING INDEX SEEK p:Person(workspace, email)
  RETURN p
  UNION
  MATCH (p:Person {workspace: $workspace, profileUrl: row.person.profileUrl})
  USING INDEX SEEK p:Person(workspace, profileUrl)
  RETURN p
}
CALL (row) {
  MATCH (c:Company {workspace: $workspace, domain: row.company.domain})
  USING INDEX SEEK c:Company(workspace, domain)
  RETURN c
  UNION
  MATCH (c:Company {workspace: $workspace, nameKey: row.company.nameKey})
  USING INDEX SEEK c:Company(workspace, nameKey)
  WITH c ORDER BY c.domain IS NOT NULL, c.domain LIMIT 1
  RETURN c
}
MERGE (p)-[w:WORKS_AT]->(c)
SET w += row.props
WITH p, c, w
CALL (p, c, w) {
  MATCH (p)-[old:WORKS_AT]->(other:Company)
  WHERE other <> c AND old.until IS NULL AND (w.until IS NULL OR w.until > datetime())
  SET old.until = coalesce(w.since, datetime())
}
CALL (p, c) {
  WITH * WHERE c.eventBound IS NOT NULL
  SET p.employerEventBound = reduce(events_ = 0.0, bound_ IN [(p)-[:WORKS_AT]->(employer_:Company) WHERE employer_.eventBound IS NOT NULL | employer_.eventBound] | events_ + bound_)
}
