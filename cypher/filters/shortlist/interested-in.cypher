// Shortlist step for PersonWhere.interestedIn (the parameters of
// person/interested-in): keep the reached people with an interest of at least
// $minWeight in one of {{topics}}, and set {{flag}}. Taken only when at least
// $shortlistFrom people are left; with `reached` null (everyone, not read) it
// keeps the people it finds.
OPTIONAL CALL (reached, {{topics}}) {
  WITH reached, {{topics}} AS topicIds_
  WHERE reached IS NULL OR size(reached) >= $shortlistFrom
  CALL (topicIds_) {
    UNWIND topicIds_ AS topicId_
    MATCH (:Topic {id: topicId_})<-[interest_:INTERESTED_IN]-(interested_)
    WHERE interest_.weight >= $minWeight
    RETURN collect(DISTINCT interested_) AS matching_
  }
  RETURN CASE WHEN reached IS NULL THEN matching_ ELSE [candidate_ IN reached WHERE candidate_ IN matching_] END AS shortlist_
}
WITH coalesce(shortlist_, reached) AS reached, shortlist_ IS NOT NULL AS {{flag}}{{carried}}
