// Shortlist step for PersonWhere.expressedConcern (the parameters of
// person/expressed-concern): keep the reached people who voiced a concern
// about {{topics}} that meets every condition, and set {{flag}}. Taken only
// when at least $shortlistFrom people are left (below that, testing each one
// costs less); with `reached` null (everyone, not read) it keeps the people it
// finds.
OPTIONAL CALL (reached, {{topics}}) {
  WITH reached, {{topics}} AS topicIds_
  WHERE reached IS NULL OR size(reached) >= $shortlistFrom
  CALL (topicIds_) {
    UNWIND topicIds_ AS topicId_
    MATCH (:Topic {id: topicId_})<-[:ABOUT]-(concern_:Concern)
    WHERE ($withinDays IS NULL OR datetime() - duration({days: $withinDays}) <= concern_.expressedAt <= datetime())
      AND ($minSeverity IS NULL OR concern_.severity >= $minSeverity)
      AND ($levels IS NULL OR concern_.level IN $levels)
      AND ($sources IS NULL OR concern_.source IN $sources)
    MATCH (concern_)<-[:VOICED]-(voiced_)
    RETURN collect(DISTINCT voiced_) AS matching_
  }
  RETURN CASE WHEN reached IS NULL THEN matching_ ELSE [candidate_ IN reached WHERE candidate_ IN matching_] END AS shortlist_
}
WITH coalesce(shortlist_, reached) AS reached, shortlist_ IS NOT NULL AS {{flag}}{{carried}}
