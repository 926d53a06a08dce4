// reach for each person of `matching` but origin over paths of at most two
// connections (each at least $minStrength strong), reading origin's
// connections once and then each person's own: the middle of a two-connection
// path is one of origin's connections. For few people this reads far less than
// a widening.
CALL (origin) {
  MATCH (origin)-[link_:KNOWS]-(first_)
  WHERE coalesce(link_.strength, 0.5) >= $minStrength AND first_ <> origin
  WITH first_, max(coalesce(link_.strength, 0.5)) AS strength_
  RETURN collect(first_) AS firstPeople_, collect(strength_) AS firstStrengths_
}
UNWIND [person_ IN matching WHERE person_ <> origin] AS person
CALL (person, firstPeople_, firstStrengths_) {
  MATCH (person)-[link_:KNOWS]-(middle_)
  WHERE coalesce(link_.strength, 0.5) >= $minStrength AND middle_ IN firstPeople_
  WITH link_, [at_ IN range(0, size(firstPeople_) - 1) WHERE firstPeople_[at_] = middle_ | firstStrengths_[at_]][0] AS firstStrength_
  RETURN coalesce(max(firstStrength_ * coalesce(link_.strength, 0.5)), 0.0) AS viaMiddle_
}
WITH person, viaMiddle_, coalesce([at_ IN range(0, size(firstPeople_) - 1) WHERE firstPeople_[at_] = person | firstStrengths_[at_]][0], 0.0) AS direct_
RETURN person, CASE WHEN direct_ > viaMiddle_ THEN direct_ ELSE viaMiddle_ END AS reach
