// Every interaction of each pair, for src/relationships/pairs.ts to weigh.
// Interactions are found from the contact's side: a team member may have
// hundreds of thousands, a contact has few. The inner CALL sees only the
// contact, so the planner cannot start from the team member instead (it
// did, measured: 17,100,000 db hits for 50 pairs against a 200,000-message
// mailbox, where this reads each pair's own interactions).
// $workspace: String, $pairs: [{team, contact}] (emails)
// Returns: low, high (the pair's emails, lower first), interactions: [{at: DateTime, fromLow: Boolean or null (null: two-way)}]
UNWIND $pairs AS pair
MATCH (contact:Person {workspace: $workspace, email: pair.contact})
MATCH (team:Person {workspace: $workspace, email: pair.team})
CALL (contact, team) {
  CALL (contact) {
    MATCH (contact)<-[:WITH {side: "contact"}]-(i:Interaction)
    RETURN i
  }
  WITH i WHERE EXISTS { (i)-[:WITH {side: "team"}]->(team) }
  RETURN collect({at: i.at, sentByTeam: CASE i.direction WHEN "SENT" THEN true WHEN "RECEIVED" THEN false END}) AS found
}
WITH team.email < contact.email AS teamIsLow, team, contact, found
RETURN CASE WHEN teamIsLow THEN team.email ELSE contact.email END AS low,
       CASE WHEN teamIsLow THEN contact.email ELSE team.email END AS high,
       [x IN found | {at: x.at, fromLow: CASE WHEN x.sentByTeam IS NULL THEN null ELSE x.sentByTeam = teamIsLow END}] AS interactions
