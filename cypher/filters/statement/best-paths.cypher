// The end of Query.introductionPaths: the $first strongest paths, by product of
// strengths, then fewer hops, then the people's emails.
ORDER BY pathScore DESC, size(pathLinks), [member_ IN pathPeople | member_.email]
LIMIT $first
RETURN [member_ IN pathPeople | member_ {.*}] AS people, [link_ IN pathLinks | coalesce(link_.strength, 0.5)] AS strengths,
  size(pathLinks) AS hops, pathScore AS score
