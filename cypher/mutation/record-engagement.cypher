// Records that a person engaged with content, once per person, content, action and time.
// $workspace: String, $person: String (id), $content: String (url), $action: String, $at: DateTime,
// $recordedBy: String (the caller's email), $bound: Float (what a new one adds to
// the person's engagementBound: src/scoring.ts)
// Returns: item {personId, action, at, content, recordedBy, recordedAt}
MATCH (p:Person {workspace: $workspace, id: $person})
USING INDEX SEEK p:Person(id)
MATCH (c:Content {workspace: $workspace, url: $content})
USING INDEX SEEK c:Content(workspace, url)
MERGE (p)-[e:ENGAGED {action: $action, at: $at}]->(c)
  ON CREATE SET e.recordedBy = $recordedBy, e.recordedAt = datetime(), p.engagementBound = coalesce(p.engagementBound, 0.0) + $bound
RETURN {personId: p.id, action: e.action, at: e.at, content: c {.*}, recordedBy: e.recordedBy, recordedAt: e.recordedAt} AS item
