// PersonWhere.engagedWith: at least $minCount engagements that each meet every
// condition given (a null condition is not given): content about {{topics}}, of
// $kinds, by $actions, within $withinDays of now. Written as EXISTS, not as
// COUNT {} >= $minCount, so that it is planned like the other conditions: as a
// test the planner may order and skip, not a count computed for every row.
EXISTS {
  MATCH ({{person}})-[engagement_:ENGAGED]->(content_:Content)
  WHERE ($kinds IS NULL OR content_.kind IN $kinds)
    AND ($actions IS NULL OR engagement_.action IN $actions)
    AND ($withinDays IS NULL OR datetime() - duration({days: $withinDays}) <= engagement_.at <= datetime())
    AND ({{topics}} IS NULL OR EXISTS { MATCH (content_)-[:ABOUT]->(about_:Topic) WHERE about_.id IN {{topics}} })
  WITH count(engagement_) AS engagements_
  WHERE engagements_ >= $minCount
  RETURN engagements_
}
