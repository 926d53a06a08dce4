// How many interests there are in the topics named in $names and every topic
// narrower than them, from the degrees Neo4j keeps per topic: at least as many
// as the people an interestedIn of those topics matches.
// Returns: interests
MATCH (root_:Topic {workspace: $workspace})
WHERE root_.key IN $names OR any(alias_ IN root_.aliasKeys WHERE alias_ IN $names)
MATCH (root_)<-[:BROADER*0..]-(topic_:Topic)
WITH DISTINCT topic_
RETURN coalesce(sum(COUNT { (topic_)<-[:INTERESTED_IN]-() }), 0) AS interests
