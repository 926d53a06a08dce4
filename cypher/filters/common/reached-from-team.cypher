// Our connections: the people within {{hops}} connections of any user of the
// workspace, every connection on the way at least $minStrength strong, as rows
// of `person` (a person reached by several paths, or from several users, comes
// once per path); never a user. One expansion from all the users at once: the
// team's reach is the union of theirs.
MATCH (user_:User {workspace: $workspace})-[links_:KNOWS*1..{{hops}}]-(person)
WHERE all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength) AND NOT person:User
