// The strongest simple path of at most {{leftHops}} + {{rightHops}} connections
// from any user of the workspace to {{to}}, as common/strongest-path gives it
// from one person (searched from both ends, {{joinPaths}}: common/join-paths
// then common/team-paths), bound to {{path}}; null when there is none. Its
// first person is the best-connected user: the colleague to ask.
CALL ({{to}}) {
  MATCH leftPath = (:User {workspace: $workspace})-[:KNOWS*0..{{leftHops}}]-(middle:Person), rightPath = ({{to}})-[:KNOWS*0..{{rightHops}}]-(middle)
  USING JOIN ON middle
  {{joinPaths}}
  ORDER BY pathScore DESC, size(pathLinks), [member_ IN pathPeople | member_.email]
  LIMIT 1
  RETURN collect({
    people: [member_ IN pathPeople | member_ {.*}],
    strengths: [link_ IN pathLinks | coalesce(link_.strength, 0.5)],
    hops: size(pathLinks),
    score: pathScore
  })[0] AS {{path}}
}
