// Shortlist matching for PersonWhere.engagedWith (the parameters of
// person/engaged-with): the people with at least $minCount engagements with
// content about {{topics}} that meet every condition, into {{found}}. The
// content about the topics is read from its own side: a topic's ABOUTs are
// mostly concerns' (at a million people, 224,808 db hits from the CRM topics'
// side for 3,536 contents).
CALL () {
  MATCH (content_:Content {workspace: $workspace})-[:ABOUT]->(about_)
  WHERE about_.id IN {{topics}}
  WITH DISTINCT content_
  WHERE ($kinds IS NULL OR content_.kind IN $kinds)
  MATCH (content_)<-[engagement_:ENGAGED]-(engaged_)
  WHERE ($actions IS NULL OR engagement_.action IN $actions)
    AND ($withinDays IS NULL OR datetime() - duration({days: $withinDays}) <= engagement_.at <= datetime())
  WITH engaged_, count(engagement_) AS engagements_
  WHERE engagements_ >= $minCount
  RETURN collect(engaged_) AS {{found}}
}
