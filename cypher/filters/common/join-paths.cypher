// Paths searched from both ends: leftPath (up to {{leftHops}} links from the
// start) and rightPath (up to {{rightHops}} from the end) meet at the same
// person, matched with USING JOIN ON that person, so each end is walked once,
// half the distance, instead of all of it from one end. This joins the halves
// into simple paths (no person twice) whose links are all at least
// $minStrength strong, as rows of pathPeople (from first to last), pathLinks
// and pathScore (the product of the links' strengths). Each path is kept once:
// split where its left part is full, or else where its right part is empty.
WITH leftPath, rightPath
WHERE (length(leftPath) = {{leftHops}} OR length(rightPath) = 0) AND length(leftPath) + length(rightPath) >= 1
  AND all(link_ IN relationships(leftPath) + relationships(rightPath) WHERE coalesce(link_.strength, 0.5) >= $minStrength)
WITH nodes(leftPath) + reverse(nodes(rightPath))[1..] AS pathPeople, relationships(leftPath) + reverse(relationships(rightPath)) AS pathLinks
WHERE all(i_ IN range(0, size(pathPeople) - 2) WHERE NOT pathPeople[i_] IN pathPeople[i_ + 1..])
WITH pathPeople, pathLinks, reduce(product_ = 1.0, link_ IN pathLinks | product_ * coalesce(link_.strength, 0.5)) AS pathScore
