// Deletes a segment and its snapshots (their member lists go with them).
// $workspace, $id
// Returns: snapshots (how many went with it); no row when there is no such segment
MATCH (segment:Segment {workspace: $workspace, id: $id})
OPTIONAL MATCH (segment)<-[:OF]-(snapshot:Snapshot)
WITH segment, collect(snapshot) AS snapshots
FOREACH (snapshot IN snapshots | DETACH DELETE snapshot)
DETACH DELETE segment
RETURN size(snapshots) AS snapshots
