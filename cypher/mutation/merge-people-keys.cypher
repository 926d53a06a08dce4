// Before mergePeople moves merge's facts onto keep (merge-people.cypher, in
// the same transaction): the keys that name merge by an email or profile URL
// that keep cannot take (keep has its own) are made to name keep instead —
// concern, promise and interaction keys, who recorded facts and changed
// promise statuses, API keys and Segment user ids of that email — and stored
// mutation results that return merge return keep. Keys naming merge by a
// key keep takes still name keep and are left as they are, so that a source
// read again computes the same keys and finds the facts. A key that then
// equals one keep has already is the same fact twice: merge's copy goes.
// Returns the pairs (team member's email, contact's key) whose interactions
// change, as they are named after the merge, to be weighed again.
// $workspace: String, $keep, $merge: String (person ids), $separator: String (the key separator)
// Returns: pairs ([{team, contact}]); no row when merge is not in the workspace (a merge already done)
MATCH (keep:Person {workspace: $workspace, id: $keep})
USING INDEX SEEK keep:Person(id)
MATCH (gone:Person {workspace: $workspace, id: $merge})
USING INDEX SEEK gone:Person(id)
WITH keep, gone, coalesce(keep.email, gone.email, keep.profileUrl, gone.profileUrl) AS kept,
     coalesce(keep.email, gone.email) AS keptEmail,
     CASE WHEN keep.email IS NOT NULL AND gone.email <> keep.email THEN gone.email END AS lostEmail,
     CASE WHEN keep.profileUrl IS NOT NULL AND gone.profileUrl <> keep.profileUrl THEN gone.profileUrl END AS lostUrl
WITH keep, gone, kept, keptEmail, lostEmail, [k IN [lostEmail, lostUrl] WHERE k IS NOT NULL] AS lost
CALL (gone, kept, lost) {
  MATCH (gone)-[:VOICED]->(k:Concern)
  WITH k, split(k.key, $separator) AS parts WHERE parts[0] IN lost
  WITH k, kept + substring(k.key, size(parts[0])) AS key
  OPTIONAL MATCH (same:Concern {workspace: $workspace, key: key})
  USING INDEX SEEK same:Concern(workspace, key)
  CALL (k, same) { WITH * WHERE same IS NOT NULL DETACH DELETE k }
  CALL (k, same, key) { WITH * WHERE same IS NULL SET k.key = key }
}
CALL (gone, kept, lost) {
  MATCH (pr:Promise)-[:PROMISED_TO]->(gone)
  WITH pr, split(pr.key, $separator) AS parts WHERE parts[0] IN lost
  WITH pr, kept + substring(pr.key, size(parts[0])) AS key
  OPTIONAL MATCH (same:Promise {workspace: $workspace, key: key})
  USING INDEX SEEK same:Promise(workspace, key)
  CALL (pr, same) { WITH * WHERE same IS NOT NULL DETACH DELETE pr }
  CALL (pr, same, key) { WITH * WHERE same IS NULL SET pr.key = key }
}
CALL (keep, gone, kept, lost) {
  MATCH (i:Interaction)-[:WITH]->(gone)
  WHERE NOT EXISTS { (i)-[:WITH]->(keep) }
  WITH i, split(i.key, $separator) AS parts WHERE parts[0] IN lost OR parts[1] IN lost
  WITH i, parts, [x IN parts[0..2] | CASE WHEN x IN lost THEN kept ELSE x END] AS pair
  WITH i, reduce(s = CASE WHEN pair[0] < pair[1] THEN pair[0] + $separator + pair[1] ELSE pair[1] + $separator + pair[0] END,
                 x IN parts[2..] | s + $separator + x) AS key
  OPTIONAL MATCH (same:Interaction {workspace: $workspace, key: key})
  USING INDEX SEEK same:Interaction(workspace, key)
  CALL (i, same) { WITH * WHERE same IS NOT NULL DETACH DELETE i }
  CALL (i, same, key) { WITH * WHERE same IS NULL SET i.key = key }
}
CALL (keptEmail, lostEmail) {
  WITH * WHERE lostEmail IS NOT NULL
  MATCH (n:Concern|CompanyEvent|Promise|Interaction|Segment|Snapshot {workspace: $workspace})
  WHERE n.recordedBy = lostEmail OR n.statusChangedBy = lostEmail
  SET n.recordedBy = CASE WHEN n.recordedBy = lostEmail THEN keptEmail ELSE n.recordedBy END,
      n.statusChangedBy = CASE WHEN n.statusChangedBy = lostEmail THEN keptEmail ELSE n.statusChangedBy END
}
CALL (keptEmail, lostEmail) {
  WITH * WHERE lostEmail IS NOT NULL
  MATCH (:Person {workspace: $workspace})-[r:KNOWS|ENGAGED]->()
  WHERE r.recordedBy = lostEmail
  SET r.recordedBy = keptEmail
}
CALL (keptEmail, lostEmail) {
  WITH * WHERE lostEmail IS NOT NULL
  MATCH (k:ApiKey {workspace: $workspace, email: lostEmail})
  SET k.email = keptEmail
}
CALL (keptEmail, lostEmail) {
  WITH * WHERE lostEmail IS NOT NULL
  MATCH (u:TrackedUser {workspace: $workspace, email: lostEmail})
  SET u.email = keptEmail
}
CALL (keep, gone) {
  MATCH (r:IdempotentResult {workspace: $workspace})
  WHERE r.result CONTAINS gone.id
  SET r.result = replace(r.result, gone.id, keep.id)
}
CALL (keep, gone, kept) {
  MATCH (gone)<-[:WITH {side: "contact"}]-(i:Interaction)-[:WITH {side: "team"}]->(team:Person)
  WHERE team <> keep
  RETURN collect(DISTINCT {team: team.email, contact: kept}) AS asContact
}
CALL (keep, gone, keptEmail) {
  MATCH (gone)<-[:WITH {side: "team"}]-(i:Interaction)-[:WITH {side: "contact"}]->(contact:Person)
  WHERE contact <> keep AND keptEmail IS NOT NULL
  RETURN collect(DISTINCT {team: keptEmail, contact: coalesce(contact.email, contact.profileUrl)}) AS asTeam
}
RETURN asContact + asTeam AS pairs
