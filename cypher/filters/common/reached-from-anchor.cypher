// The people within {{hops}} connections of the person $anchor, every
// connection on the way at least $minStrength strong, as rows of `person`
// (a person reached by several paths comes once per path); never the anchor.
MATCH (anchor_:Person {workspace: $workspace, id: $anchor})-[links_:KNOWS*1..{{hops}}]-(person)
WHERE all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength) AND person <> anchor_
