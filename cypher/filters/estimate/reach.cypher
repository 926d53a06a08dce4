// How far an expansion from the person $anchor (or, with $team, from every user
// of the workspace) goes, from the degrees Neo4j keeps per node: the starts,
// their connections (the rows of one hop) and their connections' connections
// (the rows of two; src/filters/start-choice.ts extrapolates further hops).
// Reads each start's connections once and each neighbour's degree, not its
// connections.
// Returns: starts, firstHop, secondHop
CALL {
  MATCH (start_:Person {workspace: $workspace, id: $anchor})
  USING INDEX SEEK start_:Person(id)
  RETURN start_
  UNION
  MATCH (start_:User {workspace: $workspace})
  WHERE $team
  RETURN start_
}
OPTIONAL MATCH (start_)-[:KNOWS]-(neighbour_:Person)
RETURN count(DISTINCT start_) AS starts, count(neighbour_) AS firstHop, coalesce(sum(COUNT { (neighbour_)-[:KNOWS]-() }), 0) AS secondHop
