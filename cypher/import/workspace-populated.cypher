// Whether a workspace holds any record yet (the demo story loads only into an empty one).
// $workspace: String
// Returns: populated (Boolean)
RETURN EXISTS { MATCH (n:Person {workspace: $workspace}) }
    OR EXISTS { MATCH (n:Company {workspace: $workspace}) }
    OR EXISTS { MATCH (n:Topic {workspace: $workspace}) }
    OR EXISTS { MATCH (n:Content {workspace: $workspace}) } AS populated
