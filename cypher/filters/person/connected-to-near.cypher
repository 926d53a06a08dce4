// PersonWhere.connectedTo, tested from both ends, as a statement that tests few
// people does it (src/filters/start-choice.ts): a person is within maxHops
// connections of $anchor exactly when they are within {{farHops}} (the larger
// half of maxHops) of someone the prelude found within the smaller half of
// $anchor ({{near}}: common/near-anchor, $anchor included), every connection
// at least $minStrength strong. Each person reads their own few connections,
// never the anchor's whole neighbourhood again. Never the anchor themselves.
({{person}}.id <> $anchor AND EXISTS {
  MATCH ({{person}})-[links_:KNOWS*1..{{farHops}}]-(middle_:Person)
  WHERE middle_ IN {{near}} AND all(link_ IN links_ WHERE coalesce(link_.strength, 0.5) >= $minStrength)
})
