// Content by url, as upsertContent returns it.
// $workspace: String, $url: String
// Returns: item (the content's properties)
MATCH (c:Content {workspace: $workspace, url: $url})
USING INDEX SEEK c:Content(workspace, url)
RETURN c {.*} AS item
