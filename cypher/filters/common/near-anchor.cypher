// Prelude for person/connected-to-near: the person $anchor and everyone within
// {{nearHops}} connections of them, every connection on the way at least
// $minStrength strong, into {{near}} (empty when there is no such person).
CALL {
  OPTIONAL MATCH (anchor_:Person {workspace: $workspace, id: $anchor})-[links_:KNOWS*0..{{nearHops}}]-(near_:Person)
  WHERE all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength)
  RETURN collect(DISTINCT near_) AS {{near}}
}
