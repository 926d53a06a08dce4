// reach for one person without a neighbourhood walk: the strength of the
// strongest path of one or two connections from origin (0 when there is none,
// or when origin is the person), over connections at least $minStrength strong.
// MATCH, not OPTIONAL MATCH: with no path the max is over no rows (null, so 0),
// where OPTIONAL MATCH's row of nulls would count as a link of default strength.
// {{keep}}: the other variables to carry on.
CALL (origin, person) {
  MATCH (person)-[knows_:KNOWS]-(origin)
  WHERE person <> origin AND coalesce(knows_.strength, 0.5) >= $minStrength
  RETURN coalesce(max(coalesce(knows_.strength, 0.5)), 0.0) AS oneHop_
}
CALL (origin, person) {
  MATCH (person)-[second_:KNOWS]-(middle_:Person)-[first_:KNOWS]-(origin)
  WHERE person <> origin AND middle_ <> person
    AND coalesce(first_.strength, 0.5) >= $minStrength AND coalesce(second_.strength, 0.5) >= $minStrength
  RETURN coalesce(max(coalesce(first_.strength, 0.5) * coalesce(second_.strength, 0.5)), 0.0) AS twoHops_
}
WITH origin, person, CASE WHEN oneHop_ > twoHops_ THEN oneHop_ ELSE twoHops_ END AS reach{{keep}}
