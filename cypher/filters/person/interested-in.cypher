// PersonWhere.interestedIn: an interest of at least $minWeight in one of {{topics}}.
EXISTS {
  MATCH ({{person}})-[interest_:INTERESTED_IN]->(topic_:Topic)
  WHERE topic_.id IN {{topics}} AND interest_.weight >= $minWeight
}
