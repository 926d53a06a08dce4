// Shortlist step for PersonWhere.engagedWith (the parameters of
// person/engaged-with): keep the reached people with at least $minCount
// engagements with content about {{topics}} that meet every condition, and set
// {{flag}}. Taken only when at least $shortlistFrom people are left; with
// `reached` null (everyone, not read) it keeps the people it finds. The
// content about the topics is read from its own side: a topic's ABOUTs are
// mostly concerns' (at a million people, 224,808 db hits from the CRM topics'
// side for 3,536 contents).
OPTIONAL CALL (reached, {{topics}}) {
  WITH reached, {{topics}} AS topicIds_
  WHERE reached IS NULL OR size(reached) >= $shortlistFrom
  CALL (topicIds_) {
    MATCH (content_:Content {workspace: $workspace})-[:ABOUT]->(about_)
    WHERE about_.id IN topicIds_
    WITH DISTINCT content_
    WHERE ($kinds IS NULL OR content_.kind IN $kinds)
    MATCH (content_)<-[engagement_:ENGAGED]-(engaged_)
    WHERE ($actions IS NULL OR engagement_.action IN $actions)
      AND ($withinDays IS NULL OR datetime() - duration({days: $withinDays}) <= engagement_.at <= datetime())
    WITH engaged_, count(engagement_) AS engagements_
    WHERE engagements_ >= $minCount
    RETURN collect(engaged_) AS matching_
  }
  RETURN CASE WHEN reached IS NULL THEN matching_ ELSE [candidate_ IN reached WHERE candidate_ IN matching_] END AS shortlist_
}
WITH coalesce(shortlist_, reached) AS reached, shortlist_ IS NOT NULL AS {{flag}}{{carried}}
