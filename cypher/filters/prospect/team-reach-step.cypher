// One more connection of our team's reach (prospect/reach-step, from all the
// users at once): every person reached so far stays, and brings the people
// they know who are not users (each link at least $minStrength strong), at the
// strength of the path so far times the link's. Per person the strongest wins.
CALL (person, reach) {
  RETURN person AS next_, reach AS via_
  UNION ALL
  MATCH (person)-[link_:KNOWS]-(next_)
  WHERE coalesce(link_.strength, 0.5) >= $minStrength AND NOT next_:User
  RETURN next_, reach * coalesce(link_.strength, 0.5) AS via_
}
WITH next_ AS person, max(via_) AS reach
