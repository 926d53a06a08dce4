// Who is in snapshot $to and not in snapshot $from (joined), and the reverse (left), by name.
// $workspace, $from, $to
// Returns: joined, left (lists of person properties)
MATCH (from:Snapshot {workspace: $workspace, id: $from}), (to:Snapshot {workspace: $workspace, id: $to})
CALL (from, to) {
  MATCH (to)-[:INCLUDES]->(person:Person) WHERE NOT (from)-[:INCLUDES]->(person)
  WITH person ORDER BY coalesce(person.name, ''), person.email
  RETURN collect(person {.*}) AS joined
}
CALL (from, to) {
  MATCH (from)-[:INCLUDES]->(person:Person) WHERE NOT (to)-[:INCLUDES]->(person)
  WITH person ORDER BY coalesce(person.name, ''), person.email
  RETURN collect(person {.*}) AS left
}
RETURN joined, left
