// The workspaces written outside any server since a server last looked, each
// claimed by one instance: a mark is locked before it is read again, as in
// claim.cypher, so two instances never both take the same write.
// Returns: workspace (String)
MATCH (w:WorkspaceWrites)
WHERE w.seenAt IS NULL OR w.seenAt < w.writtenAt
SET w.lock = true
WITH w WHERE w.seenAt IS NULL OR w.seenAt < w.writtenAt
SET w.seenAt = w.writtenAt
REMOVE w.lock
RETURN w.workspace AS workspace
