// The strongest simple path of at most {{leftHops}} + {{rightHops}} connections
// between {{from}} and {{to}}, searched from both ends ({{joinPaths}},
// common/join-paths), bound to {{path}} as {people, strengths, hops, score};
// null when there is none. Strongest = the highest product of strengths; then
// fewer hops; then the people's emails, so the choice is stable.
CALL ({{from}}, {{to}}) {
  MATCH leftPath = ({{from}})-[:KNOWS*0..{{leftHops}}]-(middle:Person), rightPath = ({{to}})-[:KNOWS*0..{{rightHops}}]-(middle)
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
