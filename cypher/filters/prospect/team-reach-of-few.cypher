// reach for each person of `matching` but the users, from our team over paths
// of at most two connections (each at least $minStrength strong), as
// prospect/reach-of-few gives it from one person: reading all the users'
// connections once and then each person's own. The middle of a path is no
// user (prospect/team-reach-by-widening says why).
CALL () {
  MATCH (user_:User {workspace: $workspace})-[link_:KNOWS]-(first_)
  WHERE coalesce(link_.strength, 0.5) >= $minStrength AND NOT first_:User
  WITH first_, max(coalesce(link_.strength, 0.5)) AS strength_
  RETURN collect(first_) AS firstPeople_, collect(strength_) AS firstStrengths_
}
UNWIND [person_ IN matching WHERE NOT person_:User] AS person
CALL (person, firstPeople_, firstStrengths_) {
  MATCH (person)-[link_:KNOWS]-(middle_)
  WHERE coalesce(link_.strength, 0.5) >= $minStrength AND middle_ IN firstPeople_
  WITH link_, [at_ IN range(0, size(firstPeople_) - 1) WHERE firstPeople_[at_] = middle_ | firstStrengths_[at_]][0] AS firstStrength_
  RETURN coalesce(max(firstStrength_ * coalesce(link_.strength, 0.5)), 0.0) AS viaMiddle_
}
WITH person, viaMiddle_, coalesce([at_ IN range(0, size(firstPeople_) - 1) WHERE firstPeople_[at_] = person | firstStrengths_[at_]][0], 0.0) AS direct_
RETURN person, CASE WHEN direct_ > viaMiddle_ THEN direct_ ELSE viaMiddle_ END AS reach
