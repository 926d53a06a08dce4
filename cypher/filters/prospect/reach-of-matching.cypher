// reach for the people of `matching` over paths of at most two connections:
// with fewer than $fewBelow of them, {{few}} (prospect/reach-of-few); with
// more, one widening from origin ({{widening}}: prospect/reach-by-widening).
CALL (origin, matching) {
  WITH origin, matching
  WHERE size(matching) < $fewBelow
  {{few}}
  UNION ALL
  WITH origin, matching
  WHERE size(matching) >= $fewBelow
  {{widening}}
  RETURN person, reach
}
