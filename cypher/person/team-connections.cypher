// Each person's connections to the workspace's users, strongest first, with
// the evidence stored on the connection, seen from the user's side.
// $workspace: String, $keys: [String] (person ids)
// Returns: key (person id), item {colleague (properties), strength, since, lastInteractionAt,
//   sent, received, twoWay: Integer or null, firstInteractionAt, evidenceLastAt: DateTime or null}
MATCH (p:Person {workspace: $workspace})
USING INDEX SEEK p:Person(id)
WHERE p.id IN $keys
CALL (p) {
  MATCH (p)-[k:KNOWS]-(u:User)
  RETURN u, k, startNode(k) = u AS userIsLow
  ORDER BY k.strength DESC, u.email
}
RETURN p.id AS key,
       {colleague: u {.*}, strength: k.strength, since: k.since, lastInteractionAt: k.lastInteractionAt,
        sent: CASE WHEN userIsLow THEN k.sentLowToHigh ELSE k.sentHighToLow END,
        received: CASE WHEN userIsLow THEN k.sentHighToLow ELSE k.sentLowToHigh END,
        twoWay: k.twoWay, firstInteractionAt: k.firstInteractionAt, evidenceLastAt: k.volumeAt} AS item
