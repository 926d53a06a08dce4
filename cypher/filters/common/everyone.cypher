// Every person of the workspace, as rows of `person`: what a filter without a
// top-level connectedTo tests when no top-level topic condition can shortlist
// it (with one, the first shortlist step reads its people from the topics'
// side instead: src/filters/shortlist.ts).
MATCH (person:Person {workspace: $workspace})
