// Every interaction of each pair, for src/relationships/pairs.ts to weigh.
// Interactions are read from the contact's side, once per contact for all of
// its pairs: a team member may have hundreds of thousands, a contact has few.
// The inner CALL sees only the contact, so the planner cannot start from the
// team member instead (it did, measured: 17,100,000 db hits for 50 pairs
// against a 200,000-message mailbox). A pair without interactions gives no row.
// $workspace: String, $pairs: [{team, contact}] (the team member's email; the contact's {email, profileUrl}, one null)
// Times are epoch milliseconds as floats, which the driver reads as plain
// numbers: unpacking date-times was most of the time spent reading these rows.
// Returns: low, high (the pair's keys, email else profile URL, lower first), interactions: [{atMs: Float, fromLow: Boolean or null (null: two-way)}]
UNWIND $pairs AS pair
WITH pair.contact AS wanted, collect(pair.team) AS teamEmails
CALL (wanted) {
  MATCH (contact:Person {workspace: $workspace, email: wanted.email})
  USING INDEX SEEK contact:Person(workspace, email)
  RETURN contact
  UNION
  MATCH (contact:Person {workspace: $workspace, profileUrl: wanted.profileUrl})
  USING INDEX SEEK contact:Person(workspace, profileUrl)
  RETURN contact
}
CALL (contact, teamEmails) {
  CALL (contact) {
    MATCH (contact)<-[:WITH {side: "contact"}]-(i:Interaction)
    RETURN i
  }
  MATCH (i)-[:WITH {side: "team"}]->(team:Person)
  WHERE team.email IN teamEmails
  RETURN team, collect({atMs: toFloat(i.at.epochMillis), sentByTeam: CASE i.direction WHEN "SENT" THEN true WHEN "RECEIVED" THEN false END}) AS found
}
WITH team.email < coalesce(contact.email, contact.profileUrl) AS teamIsLow, team.email AS teamKey, coalesce(contact.email, contact.profileUrl) AS contactKey, found
RETURN CASE WHEN teamIsLow THEN teamKey ELSE contactKey END AS low,
       CASE WHEN teamIsLow THEN contactKey ELSE teamKey END AS high,
       [x IN found | {atMs: x.atMs, fromLow: CASE WHEN x.sentByTeam IS NULL THEN null ELSE x.sentByTeam = teamIsLow END}] AS interactions
