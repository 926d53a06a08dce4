// Shortlist matching for PersonWhere.expressedConcern (the parameters of
// person/expressed-concern): the people who voiced a concern about {{topics}}
// that meets every condition, read from the topics' side, into {{found}}.
CALL () {
  UNWIND {{topics}} AS topicId_
  MATCH (:Topic {id: topicId_})<-[:ABOUT]-(concern_:Concern)
  WHERE ($withinDays IS NULL OR datetime() - duration({days: $withinDays}) <= concern_.expressedAt <= datetime())
    AND ($minSeverity IS NULL OR concern_.severity >= $minSeverity)
    AND ($levels IS NULL OR concern_.level IN $levels)
    AND ($sources IS NULL OR concern_.source IN $sources)
  MATCH (concern_)<-[:VOICED]-(voiced_)
  RETURN collect(DISTINCT voiced_) AS {{found}}
}
