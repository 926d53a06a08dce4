// PersonWhere.connectedTo with team: within {{hops}} connections of any user of
// the workspace, every connection on the way at least $minStrength strong;
// never a user, as connectedTo never matches the person it starts from.
(NOT {{person}}:User AND EXISTS {
  MATCH path_ = ({{person}})-[:KNOWS*1..{{hops}}]-(user_:User {workspace: $workspace})
  WHERE all(link_ IN relationships(path_) WHERE coalesce(link_.strength, 0.5) >= $minStrength)
})
