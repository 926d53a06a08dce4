// Query.introductionPaths: simple paths of at most {{hops}} connections from the
// person $from to the person $to, or to any current employee of the company
// $toCompany; best first by the product of connection strengths, then fewer hops.
// Returns: people ([person properties], from first to last), strengths (of each link), hops, score
MATCH (from_:Person {workspace: $workspace, id: $from})
MATCH path_ = (from_)-[:KNOWS*1..{{hops}}]-(target_:Person)
WHERE ($to IS NULL OR target_.id = $to)
  AND ($toCompany IS NULL OR EXISTS {
    MATCH (target_)-[job_:WORKS_AT]->(:Company {workspace: $workspace, id: $toCompany})
    WHERE job_.until IS NULL OR job_.until > datetime()
  })
  AND all(i_ IN range(0, length(path_) - 1) WHERE NOT nodes(path_)[i_] IN nodes(path_)[i_ + 1..])
WITH path_, reduce(score_ = 1.0, link_ IN relationships(path_) | score_ * coalesce(link_.strength, 0.5)) AS score
ORDER BY score DESC, length(path_), [person_ IN nodes(path_) | person_.email]
LIMIT $first
RETURN [person_ IN nodes(path_) | person_ {.*}] AS people, [link_ IN relationships(path_) | coalesce(link_.strength, 0.5)] AS strengths, length(path_) AS hops, score
