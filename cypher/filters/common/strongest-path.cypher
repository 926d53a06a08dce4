// The strongest simple path (no person twice) of at most {{hops}} connections
// between {{from}} and {{to}}, every link at least $minStrength strong, bound to
// {{path}} as {people, strengths, hops, score}; null when there is none.
// Strongest = the highest product of strengths; then fewer hops; then the
// people's emails, so the choice is stable.
CALL ({{from}}, {{to}}) {
  OPTIONAL MATCH path_ = ({{from}})-[:KNOWS*1..{{hops}}]-({{to}})
  WHERE all(link_ IN relationships(path_) WHERE coalesce(link_.strength, 0.5) >= $minStrength)
    AND all(i_ IN range(0, length(path_) - 1) WHERE NOT nodes(path_)[i_] IN nodes(path_)[i_ + 1..])
  WITH path_, reduce(product_ = 1.0, link_ IN relationships(path_) | product_ * coalesce(link_.strength, 0.5)) AS product_
  ORDER BY product_ DESC, length(path_), [member_ IN nodes(path_) | member_.email]
  LIMIT 1
  RETURN CASE WHEN path_ IS NULL THEN null ELSE {
    people: [member_ IN nodes(path_) | member_ {.*}],
    strengths: [link_ IN relationships(path_) | coalesce(link_.strength, 0.5)],
    hops: length(path_),
    score: product_
  } END AS {{path}}
}
