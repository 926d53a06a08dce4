// PersonWhere.expressedConcern: one concern that meets every condition given (a
// null condition is not given): about {{topics}}, within $withinDays of now, of
// at least $minSeverity, at one of $levels, from one of $sources.
EXISTS {
  MATCH ({{person}})-[:VOICED]->(concern_:Concern)-[:ABOUT]->(topic_:Topic)
  WHERE ({{topics}} IS NULL OR topic_.id IN {{topics}})
    AND ($withinDays IS NULL OR datetime() - duration({days: $withinDays}) <= concern_.expressedAt <= datetime())
    AND ($minSeverity IS NULL OR concern_.severity >= $minSeverity)
    AND ($levels IS NULL OR concern_.level IN $levels)
    AND ($sources IS NULL OR concern_.source IN $sources)
}
