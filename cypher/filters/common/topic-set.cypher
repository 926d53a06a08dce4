// Prelude: the ids of the topics named in $names (lower-cased names or aliases)
// and of every topic narrower than them, transitively, into {{topics}}.
CALL {
  OPTIONAL MATCH (root_:Topic {workspace: $workspace})
  WHERE root_.key IN $names OR any(alias_ IN root_.aliasKeys WHERE alias_ IN $names)
  OPTIONAL MATCH (root_)<-[:BROADER*0..]-(topic_:Topic)
  RETURN collect(DISTINCT topic_.id) AS {{topics}}
}
