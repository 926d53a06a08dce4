// Marks a workspace as written by a process that is not a server (the
// command-line import and ingestion): no server was told, so one of them
// finds the mark (claim-written) and evaluates the workspace's watched
// segments soon, as it does after its own writes.
// $workspace: String
// Returns: nothing
MERGE (w:WorkspaceWrites {workspace: $workspace})
SET w.writtenAt = datetime()
