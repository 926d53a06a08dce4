// Query.introductionPaths to a company: as introduction-paths-to-person, to any
// current employee of $toCompany. The employees' side is walked from all of
// them at once, so the start's side is walked once, not once per employee.
// Returns: people ([person properties], from first to last), strengths (of each link), hops, score
MATCH leftPath = {{from}}-[:KNOWS*0..{{leftHops}}]-(middle:Person),
  rightPath = (target_:Person)-[:KNOWS*0..{{rightHops}}]-(middle),
  (target_)-[job_:WORKS_AT]->(:Company {workspace: $workspace, id: $toCompany})
USING JOIN ON middle
WHERE job_.until IS NULL OR job_.until > datetime()
{{joinPaths}}
{{bestPaths}}
