// Upsert content by url; only the properties given are set.
// $workspace: String, $rows: [{url, props: {title, kind, publishedAt}}]
// Returns: nothing; the importer reads what was created from the update counters
UNWIND $rows AS row
MERGE (c:Content {workspace: $workspace, url: row.url})
  ON CREATE SET c.id = randomUUID()
SET c += row.props
