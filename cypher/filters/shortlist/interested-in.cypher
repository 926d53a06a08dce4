// Shortlist matching for PersonWhere.interestedIn (the parameters of
// person/interested-in): the people with an interest of at least $minWeight in
// one of {{topics}}, into {{found}}.
CALL () {
  UNWIND {{topics}} AS topicId_
  MATCH (:Topic {id: topicId_})<-[interest_:INTERESTED_IN]-(interested_)
  WHERE interest_.weight >= $minWeight
  RETURN collect(DISTINCT interested_) AS {{found}}
}
