// snapshotSegment: freezes the people that match {{predicate}} now as the
// members of a new snapshot $snapshot of segment $segment.
// Returns: members (how many)
{{prelude}}
MATCH (segment:Segment {workspace: $workspace, id: $segment})
CREATE (snapshot:Snapshot {workspace: $workspace, id: $snapshot, takenAt: datetime(), recordedBy: $recordedBy})-[:OF]->(segment)
WITH snapshot{{carried}}
CALL (snapshot{{carried}}) {
  MATCH (person:Person {workspace: $workspace})
  WHERE {{predicate}}
  CREATE (snapshot)-[:INCLUDES]->(person)
  RETURN count(person) AS members
}
SET snapshot.members = members
RETURN snapshot {.*} AS item
