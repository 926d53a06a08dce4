// Deletes a segment and its snapshots (their member lists go with them), and
// its webhooks, their deliveries and its last evaluated membership.
// $workspace, $id
// Returns: snapshots (how many went with it); no row when there is no such segment
MATCH (segment:Segment {workspace: $workspace, id: $id})
OPTIONAL MATCH (segment)<-[:OF]-(snapshot:Snapshot)
WITH segment, collect(snapshot) AS snapshots
FOREACH (snapshot IN snapshots | DETACH DELETE snapshot)
WITH segment, snapshots
CALL (segment) {
  MATCH (segment)<-[:WATCHES]-(webhook:Webhook)
  OPTIONAL MATCH (delivery:Delivery)-[:FOR]->(webhook)
  DETACH DELETE delivery, webhook
}
CALL (segment) { MATCH (watch:SegmentWatch {workspace: $workspace, segment: segment.id}) DELETE watch }
DETACH DELETE segment
RETURN size(snapshots) AS snapshots
