// Query.prospects' ranking (the formula is documented on ProspectEdge.score in
// schema.graphql; its numbers arrive as $weights, $actionWeights,
// $otherActionWeight, $defaultSeverity, $halfLives: src/scoring.ts).
// Evidence counts when it lies in [$since, $now] and, for engagements,
// concerns and interests, is about evidenceTopics (every topic when null; an
// engagement's content is tested by {{where:content_}}: prospect/about-evidence,
// or, ranking the whole workspace, a look-up in evidenceContent).
// Each signal keeps its strongest few items (with their own weight) as the
// reasons; the connection path ({{strongestPath}}: common/strongest-path from
// origin, or common/team-strongest-path from any user, which {{carried}} then
// leaves out) is looked up for the page's rows only, and so is the current employer.
// Ranked by score descending, then email, after ($afterScore, $afterEmail); a
// backward page reads the reverse order (the comparisons and directions are
// fixed texts chosen in src/filters/prospects.ts).
CALL (person, evidenceTopics, evidenceContent) {
  MATCH (person)-[engaged_:ENGAGED]->(content_:Content)
  WHERE $since <= engaged_.at <= $now
    AND {{where:content_}}
  WITH engaged_, content_, coalesce($actionWeights[engaged_.action], $otherActionWeight) * 2.0 ^ (-($now.epochMillis - engaged_.at.epochMillis) / 86400000.0 / $halfLives.engagement) AS weight_
  ORDER BY weight_ DESC, content_.url, engaged_.action
  RETURN sum(weight_) AS engagementSum, collect([engaged_, content_, weight_])[0..$reasonsPerSignal] AS engagementTop
}
CALL (person, evidenceTopics) {
  MATCH (person)-[:VOICED]->(concern_:Concern)-[:ABOUT]->(topic_:Topic)
  WHERE $since <= concern_.expressedAt <= $now
    AND (evidenceTopics IS NULL OR topic_.id IN evidenceTopics)
  WITH concern_, topic_, coalesce(concern_.severity, $defaultSeverity) / 5.0 * 2.0 ^ (-($now.epochMillis - concern_.expressedAt.epochMillis) / 86400000.0 / $halfLives.concern) AS weight_
  ORDER BY weight_ DESC, concern_.key
  RETURN sum(weight_) AS concernSum, collect([concern_, topic_, weight_])[0..$reasonsPerSignal] AS concernTop
}
CALL (person, evidenceTopics) {
  MATCH (person)-[interest_:INTERESTED_IN]->(topic_:Topic)
  WHERE evidenceTopics IS NULL OR topic_.id IN evidenceTopics
  WITH interest_, topic_
  ORDER BY interest_.weight DESC, topic_.key
  RETURN coalesce(max(interest_.weight), 0.0) AS interestMax, collect([interest_, topic_])[0..1] AS interestTop
}
CALL (person) {
  MATCH (person)-[job_:WORKS_AT]->(company_:Company)-[:HAD_EVENT]->(event_:CompanyEvent)
  WHERE (job_.until IS NULL OR job_.until > $now) AND $since <= event_.occurredAt <= $now
  WITH company_, event_, 2.0 ^ (-($now.epochMillis - event_.occurredAt.epochMillis) / 86400000.0 / $halfLives.event) AS weight_
  ORDER BY weight_ DESC, event_.key
  RETURN sum(weight_) AS eventSum, collect([company_, event_, weight_])[0..$reasonsPerSignal] AS eventTop
}
WITH person, reach, engagementTop, concernTop, interestTop, eventTop, interestMax{{carried}},
  round($weights.connection * reach
    + $weights.engagement * (1 - exp(-engagementSum))
    + $weights.concern * (1 - exp(-concernSum))
    + $weights.interest * interestMax
    + $weights.event * (1 - exp(-eventSum)), 6) AS score
WHERE $afterEmail IS NULL OR score {{beyond}} $afterScore OR (score = $afterScore AND coalesce(person.email, person.profileUrl) {{beyondEmail}} $afterEmail)
ORDER BY score {{scoreDirection}}, coalesce(person.email, person.profileUrl) {{emailDirection}}
LIMIT $limit
{{strongestPath}}
OPTIONAL CALL (person) {
  MATCH (person)-[job_:WORKS_AT]->(employer_:Company)
  WHERE job_.until IS NULL OR job_.until > $now
  RETURN employer_ ORDER BY job_.since DESC, employer_.domain LIMIT 1
}
RETURN person {.*} AS item, score, path, employer_ {.name, .domain} AS employer,
  [row_ IN engagementTop | {action: row_[0].action, at: row_[0].at, content: properties(row_[1]), weight: row_[2]}] AS engagements,
  [row_ IN concernTop | {concern: properties(row_[0]), topic: properties(row_[1]), weight: row_[2]}] AS concerns,
  [row_ IN interestTop | {topic: properties(row_[1]), weight: row_[0].weight}] AS interests,
  [row_ IN eventTop | {company: properties(row_[0]), event: properties(row_[1]), weight: row_[2]}] AS events
ORDER BY score {{scoreDirection}}, coalesce(item.email, item.profileUrl) {{emailDirection}}
