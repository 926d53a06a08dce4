// A ranking's evidence topics (src/filters/prospects.ts): the ids of the topics
// named in $names (lower-cased names or aliases) and of every topic narrower
// than them, transitively, into {{topics}}. The scoring statement it is part of
// is shared by every filter of its kind, so its names are resolved here, not
// looked up before (src/filters/topic-ids.ts says why filters look them up).
CALL {
  OPTIONAL MATCH (root_:Topic {workspace: $workspace})
  WHERE root_.key IN $names OR any(alias_ IN root_.aliasKeys WHERE alias_ IN $names)
  OPTIONAL MATCH (root_)<-[:BROADER*0..]-(topic_:Topic)
  RETURN collect(DISTINCT topic_.id) AS {{topics}}
}
