// PersonWhere.engagedWith's topics: the content {{content}} is about one of {{topics}}.
EXISTS { MATCH ({{content}})-[:ABOUT]->(about_:Topic) WHERE about_.id IN {{topics}} }
