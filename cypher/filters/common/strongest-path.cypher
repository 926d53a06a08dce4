// The strongest of the paths between {{from}} and {{to}} ({{pathsBetween}},
// common/paths-between), bound to {{path}} as {people, strengths, hops, score};
// null when there is none. Strongest = the highest product of strengths; then
// fewer hops; then the people's emails, so the choice is stable.
CALL ({{from}}, {{to}}) {
  {{pathsBetween}}
  ORDER BY pathScore DESC, size(pathLinks), [member_ IN pathPeople | member_.email]
  LIMIT 1
  RETURN collect({
    people: [member_ IN pathPeople | member_ {.*}],
    strengths: [link_ IN pathLinks | coalesce(link_.strength, 0.5)],
    hops: size(pathLinks),
    score: pathScore
  })[0] AS {{path}}
}
