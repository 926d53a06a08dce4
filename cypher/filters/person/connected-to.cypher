// PersonWhere.connectedTo: within {{hops}} connections of the person $anchor, every
// connection on the way at least $minStrength strong; never the person themselves.
({{person}}.id <> $anchor AND EXISTS {
  MATCH path_ = ({{person}})-[:KNOWS*1..{{hops}}]-(anchor_:Person {workspace: $workspace, id: $anchor})
  WHERE all(link_ IN relationships(path_) WHERE coalesce(link_.strength, 0.5) >= $minStrength)
})
