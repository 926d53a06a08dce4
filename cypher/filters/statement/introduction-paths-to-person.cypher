// Query.introductionPaths to a person: simple paths of at most {{leftHops}} +
// {{rightHops}} connections from {{from}} (common/from-person, or from any user:
// common/from-team) to $to, searched from both ends ({{joinPaths}},
// common/join-paths, for the team followed by common/team-paths); best first by
// the product of connection strengths, then fewer hops, then the people's emails.
// Returns: people ([person properties], from first to last), strengths (of each link), hops, score
MATCH leftPath = {{from}}-[:KNOWS*0..{{leftHops}}]-(middle:Person),
  rightPath = (:Person {workspace: $workspace, id: $to})-[:KNOWS*0..{{rightHops}}]-(middle)
USING JOIN ON middle
{{joinPaths}}
{{bestPaths}}
