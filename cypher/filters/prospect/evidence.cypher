// Prelude of a ranking of the whole workspace whose filter names topics: the
// ids of the topics named in $names and of every topic narrower than them (as
// common/topic-set) into evidenceTopics, and the content about them into
// evidenceContent, read once. Testing each engagement's content for its
// topics instead read every ABOUT of every engagement of every ranked person
// (700k of the 2.4M db hits of "prospects interested in CRM" over the
// generated 100k-person workspace). The content is read from its own side: a
// topic's ABOUTs are mostly those of concerns (66k db hits from CRM's and
// Churn's side, 9k from the content's).
CALL {
  OPTIONAL MATCH (root_:Topic {workspace: $workspace})
  WHERE root_.key IN $names OR any(alias_ IN root_.aliasKeys WHERE alias_ IN $names)
  OPTIONAL MATCH (root_)<-[:BROADER*0..]-(topic_:Topic)
  WITH collect(DISTINCT topic_) AS topics_
  OPTIONAL MATCH (about_:Content {workspace: $workspace})-[:ABOUT]->(aboutTopic_)
  WHERE aboutTopic_ IN topics_
  RETURN [topic_ IN topics_ | topic_.id] AS evidenceTopics, collect(DISTINCT about_) AS evidenceContent
}
