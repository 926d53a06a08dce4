// Forgets a person: the person and every fact about them, in one statement —
// engagements, concerns, promises made to them alone (one also made to a
// company stays, its key no longer naming them), connections, employments,
// interests and interactions; stored results of mutations that mention them;
// their API keys; the Segment userIds tied to them; webhook events about them
// not yet delivered; their email as the recorder of facts others keep; their
// place in segment snapshots (the count too) and their id in saved filters,
// which then name a person who no longer exists.
// $workspace: String, $id: String, $separator: String (the key separator)
// Returns: item {engagements, concerns, promises, connections, employments, interests, interactions,
//   unattributed, idempotentResults, apiKeys} (how many of each were removed); no row when there is no such person
MATCH (p:Person {workspace: $workspace, id: $id})
USING INDEX SEEK p:Person(id)
// Facts name a person by their email, else their profile URL (promise keys), so that is what is cleared.
WITH p, coalesce(p.email, p.profileUrl) AS email
CALL (p) { MATCH (p)-[e:ENGAGED]->() DELETE e RETURN count(e) AS engagements }
CALL (p) { MATCH (p)-[:VOICED]->(k:Concern) DETACH DELETE k RETURN count(k) AS concerns }
CALL (p) {
  MATCH (pr:Promise)-[:PROMISED_TO]->(p)
  WHERE NOT EXISTS { (pr)-[:PROMISED_TO]->(other) WHERE other <> p }
  DETACH DELETE pr
  RETURN count(pr) AS promises
}
CALL (p, email) {
  MATCH (pr:Promise)-[:PROMISED_TO]->(p)
  WHERE pr.key STARTS WITH email + $separator
  SET pr.key = substring(pr.key, size(email))
}
CALL (p) { MATCH (p)-[k:KNOWS]-() DELETE k RETURN count(k) AS connections }
CALL (p) { MATCH (p)-[w:WORKS_AT]->() DELETE w RETURN count(w) AS employments }
CALL (p) { MATCH (p)-[i:INTERESTED_IN]->() DELETE i RETURN count(i) AS interests }
CALL (p) { MATCH (i:Interaction)-[:WITH]->(p) DETACH DELETE i RETURN count(i) AS interactions }
CALL (p) { MATCH (s:Snapshot)-[included:INCLUDES]->(p) DELETE included SET s.members = s.members - 1 }
CALL (p) {
  MATCH (s:Segment {workspace: $workspace})
  WHERE s.people CONTAINS p.id OR s.companies CONTAINS p.id
  SET s.people = replace(s.people, p.id, "forgotten-person"), s.companies = replace(s.companies, p.id, "forgotten-person")
}
CALL (email) {
  MATCH (n:Concern|CompanyEvent|Promise|Interaction|Segment|Snapshot {workspace: $workspace})
  WHERE n.recordedBy = email OR n.statusChangedBy = email
  SET n.recordedBy = CASE WHEN n.recordedBy = email THEN null ELSE n.recordedBy END,
      n.statusChangedBy = CASE WHEN n.statusChangedBy = email THEN null ELSE n.statusChangedBy END
  RETURN count(n) AS unattributedNodes
}
CALL (email) {
  MATCH (:Person {workspace: $workspace})-[r:KNOWS|ENGAGED]->()
  WHERE r.recordedBy = email
  REMOVE r.recordedBy
  RETURN count(r) AS unattributedRelationships
}
CALL (p, email) {
  MATCH (r:IdempotentResult {workspace: $workspace})
  WHERE r.result CONTAINS p.id OR r.result CONTAINS email
  DELETE r
  RETURN count(r) AS idempotentResults
}
CALL (email) { MATCH (k:ApiKey {workspace: $workspace, email: email}) DELETE k RETURN count(k) AS apiKeys }
CALL (email) { MATCH (u:TrackedUser {workspace: $workspace, email: email}) DELETE u }
CALL (email) {
  MATCH (d:Delivery {workspace: $workspace, status: 'PENDING'})
  WHERE d.body CONTAINS '"email":"' + email + '"'
  DETACH DELETE d
}
DETACH DELETE p
RETURN {engagements: engagements, concerns: concerns, promises: promises, connections: connections, employments: employments,
        interests: interests, interactions: interactions, unattributed: unattributedNodes + unattributedRelationships,
        idempotentResults: idempotentResults, apiKeys: apiKeys} AS item
