// Prelude: the location of the person with id $person into {{origin}} (null when unknown).
CALL {
  OPTIONAL MATCH (origin_:Person {workspace: $workspace, id: $person})
  RETURN origin_.location AS {{origin}}
}
