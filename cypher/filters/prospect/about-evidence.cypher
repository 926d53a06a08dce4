// Whether the content {{content}} is about evidenceTopics (every content when
// null), read from its topics: for a ranking of the people reached from one
// person or the team, who are few enough that reading the content about the
// topics first (prospect/evidence) would cost more than it saves.
(evidenceTopics IS NULL OR EXISTS { MATCH ({{content}})-[:ABOUT]->(about_:Topic) WHERE about_.id IN evidenceTopics })
