// One more connection of reach: every person reached so far stays, and brings
// the people they know (each link at least $minStrength strong), at the
// strength of the path so far times the link's. Per person the strongest wins,
// so the rows stay one per person however many paths lead there.
CALL (origin, person, reach) {
  RETURN person AS next_, reach AS via_
  UNION ALL
  MATCH (person)-[link_:KNOWS]-(next_)
  WHERE coalesce(link_.strength, 0.5) >= $minStrength AND next_ <> origin
  RETURN next_, reach * coalesce(link_.strength, 0.5) AS via_
}
WITH origin, next_ AS person, max(via_) AS reach
