// Upsert content by url; only the properties given are set.
// $workspace: String, $rows: [{url, props: {title, kind, publishedAt}}]
// Returns: rows, existed
UNWIND $rows AS row
OPTIONAL MATCH (existing:Content {workspace: $workspace, url: row.url})
MERGE (c:Content {workspace: $workspace, url: row.url})
  ON CREATE SET c.id = randomUUID()
SET c += row.props
RETURN count(*) AS rows, count(existing) AS existed
