// reach for the people of `matching` by widening from origin one connection at
// a time ({{steps}}: prospect/reach-step, maxHops − 1 times) and keeping their
// rows (every row when `matching` is null: statement/prospects-reach): one walk
// serves everyone, however many match and however long the paths.
CALL (origin) {
  MATCH (origin)-[link_:KNOWS]-(person)
  WHERE coalesce(link_.strength, 0.5) >= $minStrength AND person <> origin
  WITH origin, person, max(coalesce(link_.strength, 0.5)) AS reach
  {{steps}}
  RETURN person, reach
}
WITH *
WHERE matching IS NULL OR person IN matching
