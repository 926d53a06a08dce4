// reach for the people of `matching` from our team, as prospect/reach-by-widening
// gives it from one person: widening from all the users of the workspace at
// once, one connection at a time ({{steps}}: prospect/team-reach-step,
// maxHops − 1 times), so the strongest path from any user wins. The widening
// does not pass through a user: strengths are at most 1, so the path from that
// user is as strong and shorter.
CALL () {
  MATCH (user_:User {workspace: $workspace})-[link_:KNOWS]-(person)
  WHERE coalesce(link_.strength, 0.5) >= $minStrength AND NOT person:User
  WITH person, max(coalesce(link_.strength, 0.5)) AS reach
  {{steps}}
  RETURN person, reach
}
WITH *
WHERE person IN matching
