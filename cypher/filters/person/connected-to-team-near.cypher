// PersonWhere.connectedTo with team, tested from both ends as
// person/connected-to-near does from one person: within {{farHops}} of someone
// the prelude found within the smaller half of maxHops of any user ({{near}}:
// common/near-team, the users included); never a user.
(NOT {{person}}:User AND EXISTS {
  MATCH ({{person}})-[links_:KNOWS*1..{{farHops}}]-(middle_:Person)
  WHERE middle_ IN {{near}} AND all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength)
})
