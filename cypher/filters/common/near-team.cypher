// Prelude for person/connected-to-team-near: every user of the workspace and
// everyone within {{nearHops}} connections of one, every connection on the way
// at least $minStrength strong, into {{near}}.
CALL {
  OPTIONAL MATCH (user_:User {workspace: $workspace})-[links_:KNOWS*0..{{nearHops}}]-(near_:Person)
  WHERE all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength)
  RETURN collect(DISTINCT near_) AS {{near}}
}
