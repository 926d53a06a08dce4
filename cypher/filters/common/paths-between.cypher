// Simple paths (no person twice) of at most {{leftHops}} + {{rightHops}}
// connections between {{from}} and {{to}}, every link at least $minStrength
// strong, as rows of pathPeople (from first to last), pathLinks and pathScore
// (the product of the links' strengths).
// The search meets in the middle: paths of up to {{leftHops}} links from
// {{from}} and of up to {{rightHops}} from {{to}}, joined on the person where
// they meet. Walking half the distance from each end visits about the square
// root of what walking all of it from one end does. Each path is found once:
// it is split where its left part is full, or else where its right part is empty.
MATCH left_ = ({{from}})-[:KNOWS*0..{{leftHops}}]-(middle_:Person), right_ = ({{to}})-[:KNOWS*0..{{rightHops}}]-(middle_)
USING JOIN ON middle_
WHERE (length(left_) = {{leftHops}} OR length(right_) = 0) AND length(left_) + length(right_) >= 1
  AND all(link_ IN relationships(left_) + relationships(right_) WHERE coalesce(link_.strength, 0.5) >= $minStrength)
WITH nodes(left_) + reverse(nodes(right_))[1..] AS pathPeople, relationships(left_) + reverse(relationships(right_)) AS pathLinks
WHERE all(i_ IN range(0, size(pathPeople) - 2) WHERE NOT pathPeople[i_] IN pathPeople[i_ + 1..])
WITH pathPeople, pathLinks, reduce(product_ = 1.0, link_ IN pathLinks | product_ * coalesce(link_.strength, 0.5)) AS pathScore
