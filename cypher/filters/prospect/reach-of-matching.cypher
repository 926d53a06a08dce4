// reach for the people of `matching` over paths of at most two connections:
// with fewer than $fewBelow of them, {{few}} (prospect/reach-of-few); with
// more, one widening from origin ({{widening}}: prospect/reach-by-widening).
// From the team, the same with prospect/team-reach-*; {{carried}} is `, origin`
// when paths start at one person, nothing when they start at any user.
CALL (matching{{carried}}) {
  WITH matching{{carried}}
  WHERE size(matching) < $fewBelow
  {{few}}
  UNION ALL
  WITH matching{{carried}}
  WHERE size(matching) >= $fewBelow
  {{widening}}
  RETURN person, reach
}
