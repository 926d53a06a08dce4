// Every person of the workspace, as rows of `person`: what a filter without a
// top-level connectedTo starts from when shortlisting can narrow it.
MATCH (person:Person {workspace: $workspace})
