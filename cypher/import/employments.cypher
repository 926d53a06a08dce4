// A person's employer. When it is current, any other employment of theirs that
// was still open ends when this one starts (or now, when its start is unknown),
// so a person has one current employer after the import, as the document says.
// $workspace: String, $rows: [{email, company, props: {title, since, until}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MATCH (p:Person {workspace: $workspace, email: row.email})
MATCH (c:Company {workspace: $workspace, domain: row.company})
MERGE (p)-[w:WORKS_AT]->(c)
SET w += row.props
WITH p, c, w
CALL (p, c, w) {
  MATCH (p)-[old:WORKS_AT]->(other:Company)
  WHERE other <> c AND old.until IS NULL AND (w.until IS NULL OR w.until > datetime())
  SET old.until = coalesce(w.since, datetime())
}
