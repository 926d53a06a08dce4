// The contenders the viewer reaches, as rows of `person` and `reach`
// ({{carried}} kept): everyone within two connections of $origin, by
// {{widening}} (prospect/reach-by-widening, as statement/prospects-reach).
MATCH (origin:Person {workspace: $workspace, id: $origin})
WITH origin, null AS matching{{carried}}
{{widening}}
