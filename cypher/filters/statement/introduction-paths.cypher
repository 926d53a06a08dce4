// Query.introductionPaths: the paths ({{pathsBetween}}, common/paths-between)
// from the person $from to the person $to, or to any current employee of the
// company $toCompany; best first by the product of connection strengths, then
// fewer hops, then the people's emails.
// Returns: people ([person properties], from first to last), strengths (of each link), hops, score
MATCH (origin:Person {workspace: $workspace, id: $from})
CALL {
  MATCH (target:Person {workspace: $workspace, id: $to})
  RETURN target
  UNION
  MATCH (:Company {workspace: $workspace, id: $toCompany})<-[job_:WORKS_AT]-(target:Person)
  WHERE job_.until IS NULL OR job_.until > datetime()
  RETURN target
}
{{pathsBetween}}
ORDER BY pathScore DESC, size(pathLinks), [member_ IN pathPeople | member_.email]
LIMIT $first
RETURN [member_ IN pathPeople | member_ {.*}] AS people, [link_ IN pathLinks | coalesce(link_.strength, 0.5)] AS strengths,
  size(pathLinks) AS hops, pathScore AS score
